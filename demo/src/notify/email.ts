export interface EmailMessage {
	readonly to: string;
	readonly subject: string;
	readonly text: string;
}

export async function sendEmail(message: EmailMessage): Promise<void> {
	// Sent through Amazon SES once production access is granted (see the email-subscriptions stream).
	console.log(`[email] would send "${message.subject}" to ${message.to}`);
}
