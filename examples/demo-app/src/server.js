import { createServer } from 'node:http'

const server = createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok')
  res.end('hello from demo-app')
})
server.listen(8080)
