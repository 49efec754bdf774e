const res = await fetch('http://127.0.0.1:8080/healthz').catch(() => undefined)
process.exit(res?.ok ? 0 : 1)
