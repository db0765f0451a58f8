import { createServer } from 'node:http';
import { listIncidents } from './incidents/timeline';

const port = Number(process.env.PORT ?? 4000);

createServer(async (request, response) => {
	if (request.url === '/api/incidents') {
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify(await listIncidents()));
		return;
	}
	response.statusCode = 404;
	response.end('Not found');
}).listen(port, () => console.log(`Harbor on http://localhost:${port}`));
