export type IncidentState = 'investigating' | 'identified' | 'monitoring' | 'resolved';

export interface IncidentUpdate {
	readonly state: IncidentState;
	readonly message: string;
	readonly postedAt: Date;
}

export interface Incident {
	readonly id: string;
	readonly title: string;
	readonly components: readonly string[];
	readonly updates: readonly IncidentUpdate[];
}

export async function listIncidents(): Promise<Incident[]> {
	// Backed by SQLite in production; see src/db.ts.
	return [];
}
