// The human-readable table `streams status` prints without `--json`.

import { Stream } from '../core';

const STATUS_TEXT: Record<string, string> = {
	'ready': 'ready', 'in-progress': 'in progress', 'blocked': 'blocked', 'paused': 'paused', 'complete': 'complete',
};

export function formatStatusTable(streams: readonly Stream[]): string {
	if (streams.length === 0) {
		return 'No streams found.\n';
	}
	const header = ['STREAM', 'STATUS', 'PRIORITY', 'OWNER', 'PROGRESS', 'TITLE'];
	const fractions = streams.map(stream => `${stream.progress.done}/${stream.progress.total}`);
	const fractionWidth = Math.max(...fractions.map(fraction => fraction.length));
	const rows = streams.map((stream, index) => [
		stream.id,
		stream.status ? STATUS_TEXT[stream.status] : '-',
		stream.priority ?? '-',
		stream.owner ?? '-',
		`${fractions[index].padStart(fractionWidth)} ${String(stream.progress.percent).padStart(3)}%`,
		stream.title,
	]);
	// A folder name or title may hold control characters (an escape sequence recolours the terminal): shown escaped.
	for (const row of rows) {
		row.forEach((cell, column) => { row[column] = escapeControls(cell); });
	}
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => row[column].length)));
	const line = (cells: string[]) => cells.map((cell, column) => column === cells.length - 1 ? cell : cell.padEnd(widths[column])).join('  ');
	return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** Control characters as `\u001b`, so a name can neither move the cursor nor recolour the terminal. */
function escapeControls(text: string): string {
	return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
