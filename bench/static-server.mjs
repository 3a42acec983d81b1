// The ceiling: one HTML file from memory over plain node:http, as fast as
// this machine serves anything. Usage: node bench/static-server.mjs <file> <port>
import fs from 'node:fs';
import http from 'node:http';

const [file, port] = process.argv.slice(2);
const body = fs.readFileSync(file);
http
  .createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    response.end(body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`static server on ${port}`));
