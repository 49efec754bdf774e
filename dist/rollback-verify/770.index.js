export const id = 770;
export const ids = [770];
export const modules = {

/***/ 785:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// This is an empty module that is served up when outside of a workerd environment
// See the `exports` field in package.json
exports["default"] = {};
//# sourceMappingURL=empty.js.map

/***/ }),

/***/ 6122:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



//Parse method copied from https://github.com/brianc/node-postgres
//Copyright (c) 2010-2014 Brian Carlson (brian.m.carlson@gmail.com)
//MIT License

//parses a connection string
function parse(str, options = {}) {
  //unix socket
  if (str.charAt(0) === '/') {
    const config = str.split(' ')
    return { host: config[0], database: config[1] }
  }

  // Check for empty host in URL

  const config = Object.create(null)
  let result
  let dummyHost = false
  if (/ |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(str)) {
    // Ensure spaces are encoded as %20
    str = encodeURI(str).replace(/%25(\d\d)/g, '%$1')
  }

  try {
    try {
      result = new URL(str, 'postgres://base')
    } catch (e) {
      // The URL is invalid so try again with a dummy host
      result = new URL(str.replace('@/', '@___DUMMY___/'), 'postgres://base')
      dummyHost = true
    }
  } catch (err) {
    // Remove the input from the error message to avoid leaking sensitive information
    err.input && (err.input = '*****REDACTED*****')
    throw err
  }

  // We'd like to use Object.fromEntries() here but Node.js 10 does not support it
  for (const entry of result.searchParams.entries()) {
    config[entry[0]] = entry[1]
  }

  config.user = config.user || decodeURIComponent(result.username)
  config.password = config.password || decodeURIComponent(result.password)

  if (result.protocol == 'socket:') {
    config.host = decodeURI(result.pathname)
    config.database = result.searchParams.get('db')
    config.client_encoding = result.searchParams.get('encoding')
    return config
  }
  const hostname = (dummyHost ? '' : result.hostname).replace(/^\[(.+)\]$/, '$1')
  if (!config.host) {
    // Only set the host if there is no equivalent query param.
    config.host = decodeURIComponent(hostname)
  } else if (hostname && /^%2f/i.test(hostname)) {
    // Only prepend the hostname to the pathname if it is not a URL encoded Unix socket host.
    result.pathname = hostname + result.pathname
  }
  if (!config.port) {
    // Only set the port if there is no equivalent query param.
    config.port = result.port
  }

  const pathname = result.pathname.slice(1) || null
  config.database = pathname ? decodeURI(pathname) : null

  if (config.ssl === 'true' || config.ssl === '1') {
    config.ssl = true
  }

  if (config.ssl === '0') {
    config.ssl = false
  }

  if (config.sslcert || config.sslkey || config.sslrootcert || config.sslmode) {
    config.ssl = {}
  }

  // sslnegotiation=direct implies SSL is in use (libpq requires sslmode>=require),
  // so enable SSL if the connection string did not otherwise configure it.
  if (config.sslnegotiation === 'direct' && config.ssl === undefined) {
    config.ssl = true
  }

  // Only try to load fs if we expect to read from the disk
  const fs = config.sslcert || config.sslkey || config.sslrootcert ? __webpack_require__(9896) : null

  if (config.sslcert) {
    config.ssl.cert = fs.readFileSync(config.sslcert).toString()
  }

  if (config.sslkey) {
    config.ssl.key = fs.readFileSync(config.sslkey).toString()
  }

  if (config.sslrootcert) {
    config.ssl.ca = fs.readFileSync(config.sslrootcert).toString()
  }

  if (options.useLibpqCompat && config.uselibpqcompat) {
    throw new Error('Both useLibpqCompat and uselibpqcompat are set. Please use only one of them.')
  }

  if (config.uselibpqcompat === 'true' || options.useLibpqCompat) {
    switch (config.sslmode) {
      case 'disable': {
        config.ssl = false
        break
      }
      case 'prefer': {
        config.ssl.rejectUnauthorized = false
        break
      }
      case 'require': {
        if (config.sslrootcert) {
          // If a root CA is specified, behavior of `sslmode=require` will be the same as that of `verify-ca`
          config.ssl.checkServerIdentity = function () {}
        } else {
          config.ssl.rejectUnauthorized = false
        }
        break
      }
      case 'verify-ca': {
        if (!config.ssl.ca) {
          throw new Error(
            'SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA with sslrootcert. If a public CA is used, verify-ca allows connections to a server that somebody else may have registered with the CA, making you vulnerable to Man-in-the-Middle attacks. Either specify a custom CA certificate with sslrootcert parameter or use sslmode=verify-full for proper security.'
          )
        }
        config.ssl.checkServerIdentity = function () {}
        break
      }
      case 'verify-full': {
        break
      }
    }
  } else {
    switch (config.sslmode) {
      case 'disable': {
        config.ssl = false
        break
      }
      case 'prefer':
      case 'require':
      case 'verify-ca':
      case 'verify-full': {
        if (config.sslmode !== 'verify-full') {
          deprecatedSslModeWarning(config.sslmode)
        }
        break
      }
      case 'no-verify': {
        config.ssl.rejectUnauthorized = false
        break
      }
    }
  }

  return config
}

// convert pg-connection-string ssl config to a ClientConfig.ConnectionOptions
function toConnectionOptions(sslConfig) {
  const connectionOptions = Object.entries(sslConfig).reduce((c, [key, value]) => {
    // we explicitly check for undefined and null instead of `if (value)` because some
    // options accept falsy values. Example: `ssl.rejectUnauthorized = false`
    if (value !== undefined && value !== null) {
      c[key] = value
    }

    return c
  }, Object.create(null))

  return connectionOptions
}

// convert pg-connection-string config to a ClientConfig
function toClientConfig(config) {
  const poolConfig = Object.entries(config).reduce((c, [key, value]) => {
    if (key === 'ssl') {
      const sslConfig = value

      if (typeof sslConfig === 'boolean') {
        c[key] = sslConfig
      }

      if (typeof sslConfig === 'object') {
        c[key] = toConnectionOptions(sslConfig)
      }
    } else if (value !== undefined && value !== null) {
      if (key === 'port') {
        // when port is not specified, it is converted into an empty string
        // we want to avoid NaN or empty string as a values in ClientConfig
        if (value !== '') {
          const v = parseInt(value, 10)
          if (isNaN(v)) {
            throw new Error(`Invalid ${key}: ${value}`)
          }

          c[key] = v
        }
      } else {
        c[key] = value
      }
    }

    return c
  }, Object.create(null))

  return poolConfig
}

// parses a connection string into ClientConfig
function parseIntoClientConfig(str) {
  return toClientConfig(parse(str))
}

function deprecatedSslModeWarning(sslmode) {
  if (!deprecatedSslModeWarning.warned && typeof process !== 'undefined' && process.emitWarning) {
    deprecatedSslModeWarning.warned = true
    process.emitWarning(`SECURITY WARNING: The SSL modes 'prefer', 'require', and 'verify-ca' are treated as aliases for 'verify-full'.
In the next major version (pg-connection-string v3.0.0 and pg v9.0.0), these modes will adopt standard libpq semantics, which have weaker security guarantees.

To prepare for this change:
- If you want the current behavior, explicitly use 'sslmode=verify-full'
- If you want libpq compatibility now, use 'uselibpqcompat=true&sslmode=${sslmode}'

See https://www.postgresql.org/docs/current/libpq-ssl.html for libpq SSL mode definitions.`)
  }
}

module.exports = parse

parse.parse = parse
parse.toClientConfig = toClientConfig
parse.parseIntoClientConfig = parseIntoClientConfig


/***/ }),

/***/ 2299:
/***/ ((module) => {



// selected so (BASE - 1) * 0x100000000 + 0xffffffff is a safe integer
var BASE = 1000000;

function readInt8(buffer) {
	var high = buffer.readInt32BE(0);
	var low = buffer.readUInt32BE(4);
	var sign = '';

	if (high < 0) {
		high = ~high + (low === 0);
		low = (~low + 1) >>> 0;
		sign = '-';
	}

	var result = '';
	var carry;
	var t;
	var digits;
	var pad;
	var l;
	var i;

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		high = high / BASE >>> 0;

		t = 0x100000000 * carry + low;
		low = t / BASE >>> 0;
		digits = '' + (t - BASE * low);

		if (low === 0 && high === 0) {
			return sign + digits + result;
		}

		pad = '';
		l = 6 - digits.length;

		for (i = 0; i < l; i++) {
			pad += '0';
		}

		result = pad + digits + result;
	}

	{
		carry = high % BASE;
		t = 0x100000000 * carry + low;
		digits = '' + t % BASE;

		return sign + digits + result;
	}
}

module.exports = readInt8;


/***/ }),

/***/ 7558:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


const EventEmitter = (__webpack_require__(4434).EventEmitter)

const NOOP = function () {}

const removeWhere = (list, predicate) => {
  const i = list.findIndex(predicate)

  return i === -1 ? undefined : list.splice(i, 1)[0]
}

class IdleItem {
  constructor(client, idleListener, timeoutId) {
    this.client = client
    this.idleListener = idleListener
    this.timeoutId = timeoutId
  }
}

class PendingItem {
  constructor(callback) {
    this.callback = callback
  }
}

function throwOnDoubleRelease() {
  throw new Error('Release called on client which has already been released to the pool.')
}

function promisify(Promise, callback) {
  if (callback) {
    return { callback: callback, result: undefined }
  }
  let rej
  let res
  const cb = function (err, client) {
    err ? rej(err) : res(client)
  }
  const result = new Promise(function (resolve, reject) {
    res = resolve
    rej = reject
  }).catch((err) => {
    // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
    // application that created the query
    Error.captureStackTrace(err)
    throw err
  })
  return { callback: cb, result: result }
}

function makeIdleListener(pool, client) {
  return function idleListener(err) {
    err.client = client

    client.removeListener('error', idleListener)
    client.on('error', () => {
      pool.log('additional client error after disconnection due to error', err)
    })
    pool._remove(client)
    // TODO - document that once the pool emits an error
    // the client has already been closed & purged and is unusable
    pool.emit('error', err, client)
  }
}

class Pool extends EventEmitter {
  constructor(options, Client) {
    super()
    this.options = Object.assign({}, options)

    if (options != null && 'password' in options) {
      // "hiding" the password so it doesn't show up in stack traces
      // or if the client is console.logged
      Object.defineProperty(this.options, 'password', {
        configurable: true,
        enumerable: false,
        writable: true,
        value: options.password,
      })
    }
    if (options != null && options.ssl && options.ssl.key) {
      // "hiding" the ssl->key so it doesn't show up in stack traces
      // or if the client is console.logged
      Object.defineProperty(this.options.ssl, 'key', {
        enumerable: false,
      })
    }

    this.options.max = this.options.max || this.options.poolSize || 10
    this.options.min = this.options.min || 0
    this.options.maxUses = this.options.maxUses || Infinity
    this.options.allowExitOnIdle = this.options.allowExitOnIdle || false
    this.options.maxLifetimeSeconds = this.options.maxLifetimeSeconds || 0
    this.log = this.options.log || function () {}
    this.Client = this.options.Client || Client || (__webpack_require__(3273).Client)
    this.Promise = this.options.Promise || global.Promise

    if (typeof this.options.idleTimeoutMillis === 'undefined') {
      this.options.idleTimeoutMillis = 10000
    }

    this._clients = []
    this._idle = []
    this._expired = new WeakSet()
    this._pendingQueue = []
    this._endCallback = undefined
    this.ending = false
    this.ended = false
  }

  _promiseTry(f) {
    const Promise = this.Promise
    if (typeof Promise.try === 'function') {
      return Promise.try(f)
    }
    return new Promise((resolve) => resolve(f()))
  }

  _isFull() {
    return this._clients.length >= this.options.max
  }

  _isAboveMin() {
    return this._clients.length > this.options.min
  }

  _pulseQueue() {
    this.log('pulse queue')
    if (this.ended) {
      this.log('pulse queue ended')
      return
    }
    if (this.ending) {
      this.log('pulse queue on ending')
      if (this._idle.length) {
        this._idle.slice().map((item) => {
          this._remove(item.client)
        })
      }
      if (!this._clients.length) {
        this.ended = true
        this._endCallback()
      }
      return
    }

    // if we don't have any waiting, do nothing
    if (!this._pendingQueue.length) {
      this.log('no queued requests')
      return
    }
    // if we don't have any idle clients and we have no more room do nothing
    if (!this._idle.length && this._isFull()) {
      return
    }
    const pendingItem = this._pendingQueue.shift()
    if (this._idle.length) {
      const idleItem = this._idle.pop()
      clearTimeout(idleItem.timeoutId)
      const client = idleItem.client
      client.ref && client.ref()
      const idleListener = idleItem.idleListener

      return this._acquireClient(client, pendingItem, idleListener, false)
    }
    if (!this._isFull()) {
      return this.newClient(pendingItem)
    }
    throw new Error('unexpected condition')
  }

  _remove(client, callback) {
    const removed = removeWhere(this._idle, (item) => item.client === client)

    if (removed !== undefined) {
      clearTimeout(removed.timeoutId)
    }

    this._clients = this._clients.filter((c) => c !== client)
    const context = this
    client.end(() => {
      context.emit('remove', client)

      if (typeof callback === 'function') {
        callback()
      }
    })
  }

  connect(cb) {
    if (this.ending) {
      const err = new Error('Cannot use a pool after calling end on the pool')
      return cb ? cb(err) : this.Promise.reject(err)
    }

    const response = promisify(this.Promise, cb)
    const result = response.result

    // if we don't have to connect a new client, don't do so
    if (this._isFull() || this._idle.length) {
      // if we have idle clients schedule a pulse immediately
      if (this._idle.length) {
        process.nextTick(() => this._pulseQueue())
      }

      if (!this.options.connectionTimeoutMillis) {
        this._pendingQueue.push(new PendingItem(response.callback))
        return result
      }

      const queueCallback = (err, res, done) => {
        clearTimeout(tid)
        response.callback(err, res, done)
      }

      const pendingItem = new PendingItem(queueCallback)

      // set connection timeout on checking out an existing client
      const tid = setTimeout(() => {
        // remove the callback from pending waiters because
        // we're going to call it with a timeout error
        removeWhere(this._pendingQueue, (i) => i.callback === queueCallback)
        pendingItem.timedOut = true
        response.callback(new Error('timeout exceeded when trying to connect'))
      }, this.options.connectionTimeoutMillis)

      if (tid.unref) {
        tid.unref()
      }

      this._pendingQueue.push(pendingItem)
      return result
    }

    this.newClient(new PendingItem(response.callback))

    return result
  }

  newClient(pendingItem) {
    const client = new this.Client(this.options)
    this._clients.push(client)
    const idleListener = makeIdleListener(this, client)

    this.log('checking client timeout')

    // connection timeout logic
    let tid
    let timeoutHit = false
    if (this.options.connectionTimeoutMillis) {
      tid = setTimeout(() => {
        if (client.connection) {
          this.log('ending client due to timeout')
          timeoutHit = true
          client.connection.stream.destroy()
        } else if (!client.isConnected()) {
          this.log('ending client due to timeout')
          timeoutHit = true
          // force kill the node driver, and let libpq do its teardown
          client.end()
        }
      }, this.options.connectionTimeoutMillis)
    }

    this.log('connecting new client')
    client.connect((err) => {
      if (tid) {
        clearTimeout(tid)
      }
      client.on('error', idleListener)
      if (err) {
        this.log('client failed to connect', err)
        // remove the dead client from our list of clients
        this._clients = this._clients.filter((c) => c !== client)
        if (timeoutHit) {
          err = new Error('Connection terminated due to connection timeout', { cause: err })
        }

        // this client won’t be released, so move on immediately
        this._pulseQueue()

        if (!pendingItem.timedOut) {
          pendingItem.callback(err, undefined, NOOP)
        }
      } else {
        this.log('new client connected')

        if (this.options.onConnect) {
          this._promiseTry(() => this.options.onConnect(client)).then(
            () => {
              this._afterConnect(client, pendingItem, idleListener)
            },
            (hookErr) => {
              this._clients = this._clients.filter((c) => c !== client)
              client.end(() => {
                this._pulseQueue()
                if (!pendingItem.timedOut) {
                  pendingItem.callback(hookErr, undefined, NOOP)
                }
              })
            }
          )
          return
        }

        return this._afterConnect(client, pendingItem, idleListener)
      }
    })
  }

  _afterConnect(client, pendingItem, idleListener) {
    if (this.options.maxLifetimeSeconds !== 0) {
      const maxLifetimeTimeout = setTimeout(() => {
        this.log('ending client due to expired lifetime')
        this._expired.add(client)
        const idleIndex = this._idle.findIndex((idleItem) => idleItem.client === client)
        if (idleIndex !== -1) {
          this._acquireClient(
            client,
            new PendingItem((err, client, clientRelease) => clientRelease()),
            idleListener,
            false
          )
        }
      }, this.options.maxLifetimeSeconds * 1000)

      maxLifetimeTimeout.unref()
      client.once('end', () => clearTimeout(maxLifetimeTimeout))
    }

    return this._acquireClient(client, pendingItem, idleListener, true)
  }

  // acquire a client for a pending work item
  _acquireClient(client, pendingItem, idleListener, isNew) {
    if (isNew) {
      this.emit('connect', client)
    }

    this.emit('acquire', client)

    client.release = this._releaseOnce(client, idleListener)

    client.removeListener('error', idleListener)

    if (!pendingItem.timedOut) {
      if (isNew && this.options.verify) {
        this.options.verify(client, (err) => {
          if (err) {
            client.release(err)
            return pendingItem.callback(err, undefined, NOOP)
          }

          pendingItem.callback(undefined, client, client.release)
        })
      } else {
        pendingItem.callback(undefined, client, client.release)
      }
    } else {
      if (isNew && this.options.verify) {
        this.options.verify(client, client.release)
      } else {
        client.release()
      }
    }
  }

  // returns a function that wraps _release and throws if called more than once
  _releaseOnce(client, idleListener) {
    let released = false

    return (err) => {
      if (released) {
        throwOnDoubleRelease()
      }

      released = true
      this._release(client, idleListener, err)
    }
  }

  // release a client back to the poll, include an error
  // to remove it from the pool
  _release(client, idleListener, err) {
    client.on('error', idleListener)

    client._poolUseCount = (client._poolUseCount || 0) + 1

    this.emit('release', err, client)

    // TODO(bmc): expose a proper, public interface _queryable and _ending
    if (err || this.ending || !client._queryable || client._ending || client._poolUseCount >= this.options.maxUses) {
      if (client._poolUseCount >= this.options.maxUses) {
        this.log('remove expended client')
      }

      return this._remove(client, this._pulseQueue.bind(this))
    }

    const isExpired = this._expired.has(client)
    if (isExpired) {
      this.log('remove expired client')
      this._expired.delete(client)
      return this._remove(client, this._pulseQueue.bind(this))
    }

    // idle timeout
    let tid
    if (this.options.idleTimeoutMillis && this._isAboveMin()) {
      tid = setTimeout(() => {
        if (this._isAboveMin()) {
          this.log('remove idle client')
          this._remove(client, this._pulseQueue.bind(this))
        }
      }, this.options.idleTimeoutMillis)

      if (this.options.allowExitOnIdle) {
        // allow Node to exit if this is all that's left
        tid.unref()
      }
    }

    if (this.options.allowExitOnIdle) {
      client.unref()
    }

    this._idle.push(new IdleItem(client, idleListener, tid))
    this._pulseQueue()
  }

  query(text, values, cb) {
    // guard clause against passing a function as the first parameter
    if (typeof text === 'function') {
      const response = promisify(this.Promise, text)
      setImmediate(function () {
        return response.callback(new Error('Passing a function as the first parameter to pool.query is not supported'))
      })
      return response.result
    }

    // allow plain text query without values, but callback
    if (typeof values === 'function') {
      cb = values
      values = undefined
    }
    const response = promisify(this.Promise, cb)
    cb = response.callback

    this.connect((err, client) => {
      if (err) {
        return cb(err)
      }

      let clientReleased = false
      const onError = (err) => {
        if (clientReleased) {
          return
        }
        clientReleased = true
        client.release(err)
        cb(err)
      }

      client.once('error', onError)
      this.log('dispatching query')
      try {
        client.query(text, values, (err, res) => {
          this.log('query dispatched')
          client.removeListener('error', onError)
          if (clientReleased) {
            return
          }
          clientReleased = true
          client.release(err)
          if (err) {
            return cb(err)
          }
          return cb(undefined, res)
        })
      } catch (err) {
        client.release(err)
        return cb(err)
      }
    })
    return response.result
  }

  end(cb) {
    this.log('ending')
    if (this.ending) {
      const err = new Error('Called end on pool more than once')
      return cb ? cb(err) : this.Promise.reject(err)
    }
    this.ending = true
    const promised = promisify(this.Promise, cb)
    this._endCallback = promised.callback
    this._pulseQueue()
    return promised.result
  }

  get waitingCount() {
    return this._pendingQueue.length
  }

  get idleCount() {
    return this._idle.length
  }

  get expiredCount() {
    return this._clients.reduce((acc, client) => acc + (this._expired.has(client) ? 1 : 0), 0)
  }

  get totalCount() {
    return this._clients.length
  }
}
module.exports = Pool


/***/ }),

/***/ 9971:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.BufferReader = void 0;
class BufferReader {
    constructor(offset = 0) {
        this.offset = offset;
        this.buffer = Buffer.allocUnsafe(0);
        // TODO(bmc): support non-utf8 encoding?
        this.encoding = 'utf-8';
    }
    setBuffer(offset, buffer) {
        this.offset = offset;
        this.buffer = buffer;
    }
    int16() {
        const result = this.buffer.readInt16BE(this.offset);
        this.offset += 2;
        return result;
    }
    byte() {
        const result = this.buffer[this.offset];
        this.offset++;
        return result;
    }
    int32() {
        const result = this.buffer.readInt32BE(this.offset);
        this.offset += 4;
        return result;
    }
    uint32() {
        const result = this.buffer.readUInt32BE(this.offset);
        this.offset += 4;
        return result;
    }
    string(length) {
        const result = this.buffer.toString(this.encoding, this.offset, this.offset + length);
        this.offset += length;
        return result;
    }
    cstring() {
        const start = this.offset;
        let end = start;
        // eslint-disable-next-line no-empty
        while (this.buffer[end++]) { }
        this.offset = end;
        return this.buffer.toString(this.encoding, start, end - 1);
    }
    bytes(length) {
        const result = this.buffer.slice(this.offset, this.offset + length);
        this.offset += length;
        return result;
    }
}
exports.BufferReader = BufferReader;
//# sourceMappingURL=buffer-reader.js.map

/***/ }),

/***/ 9315:
/***/ ((__unused_webpack_module, exports) => {


//binary data writer tuned for encoding binary specific to the postgres binary protocol
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Writer = void 0;
class Writer {
    constructor(size = 256) {
        this.size = size;
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(size);
    }
    ensure(size) {
        const remaining = this.buffer.length - this.offset;
        if (remaining < size) {
            const oldBuffer = this.buffer;
            // exponential growth factor of around ~ 1.5
            // https://stackoverflow.com/questions/2269063/buffer-growth-strategy
            const newSize = oldBuffer.length + (oldBuffer.length >> 1) + size;
            this.buffer = Buffer.allocUnsafe(newSize);
            oldBuffer.copy(this.buffer, 0, 0, this.offset);
        }
    }
    addInt32(num) {
        this.ensure(4);
        this.buffer[this.offset++] = (num >>> 24) & 0xff;
        this.buffer[this.offset++] = (num >>> 16) & 0xff;
        this.buffer[this.offset++] = (num >>> 8) & 0xff;
        this.buffer[this.offset++] = (num >>> 0) & 0xff;
        return this;
    }
    addInt16(num) {
        this.ensure(2);
        this.buffer[this.offset++] = (num >>> 8) & 0xff;
        this.buffer[this.offset++] = (num >>> 0) & 0xff;
        return this;
    }
    addCString(string) {
        if (!string) {
            this.ensure(1);
        }
        else {
            const len = Buffer.byteLength(string);
            this.ensure(len + 1); // +1 for null terminator
            this.buffer.write(string, this.offset, 'utf-8');
            this.offset += len;
        }
        this.buffer[this.offset++] = 0; // null terminator
        return this;
    }
    addString(string = '') {
        const len = Buffer.byteLength(string);
        this.ensure(len);
        this.buffer.write(string, this.offset);
        this.offset += len;
        return this;
    }
    // Write an Int32 byte-length prefix immediately followed by the string's UTF-8
    // bytes. Postgres' Bind wire format prefixes every parameter with its length,
    // and doing it in one method computes Buffer.byteLength ONCE — the previous
    // `addInt32(Buffer.byteLength(s)).addString(s)` pairing scanned the string
    // three times (byteLength for the prefix, byteLength again inside addString,
    // then the encode), which is costly for large text parameters.
    addInt32PrefixedString(string) {
        const len = Buffer.byteLength(string);
        this.ensure(4 + len);
        const buffer = this.buffer;
        let offset = this.offset;
        buffer[offset++] = (len >>> 24) & 0xff;
        buffer[offset++] = (len >>> 16) & 0xff;
        buffer[offset++] = (len >>> 8) & 0xff;
        buffer[offset++] = (len >>> 0) & 0xff;
        buffer.write(string, offset, 'utf-8');
        this.offset = offset + len;
        return this;
    }
    add(otherBuffer) {
        this.ensure(otherBuffer.length);
        otherBuffer.copy(this.buffer, this.offset);
        this.offset += otherBuffer.length;
        return this;
    }
    /**
     * Appends an uninitialized block of {@link size} bytes to the buffer and returns its offset.
     */
    reserveUnsafe(size) {
        const offset = this.offset;
        this.ensure(size);
        this.offset += size;
        return offset;
    }
    join(code) {
        if (code) {
            this.buffer[this.headerPosition] = code;
            //length is everything in this packet minus the code
            const length = this.offset - (this.headerPosition + 1);
            this.buffer.writeInt32BE(length, this.headerPosition + 1);
        }
        return this.buffer.slice(code ? 0 : 5, this.offset);
    }
    flush(code) {
        const result = this.join(code);
        this.offset = 5;
        this.headerPosition = 0;
        this.buffer = Buffer.allocUnsafe(this.size);
        return result;
    }
    clear() {
        this.offset = 5;
        this.headerPosition = 0;
    }
}
exports.Writer = Writer;
//# sourceMappingURL=buffer-writer.js.map

/***/ }),

/***/ 4233:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DatabaseError = exports.serialize = void 0;
exports.parse = parse;
const messages_1 = __webpack_require__(5809);
Object.defineProperty(exports, "DatabaseError", ({ enumerable: true, get: function () { return messages_1.DatabaseError; } }));
const serializer_1 = __webpack_require__(6513);
Object.defineProperty(exports, "serialize", ({ enumerable: true, get: function () { return serializer_1.serialize; } }));
const parser_1 = __webpack_require__(3318);
function parse(stream, callback) {
    const parser = new parser_1.Parser();
    stream.on('data', (buffer) => parser.parse(buffer, callback));
    return new Promise((resolve) => stream.on('end', () => resolve()));
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 5809:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.NoticeMessage = exports.DataRowMessage = exports.CommandCompleteMessage = exports.ReadyForQueryMessage = exports.NotificationResponseMessage = exports.BackendKeyDataMessage = exports.AuthenticationMD5Password = exports.ParameterStatusMessage = exports.ParameterDescriptionMessage = exports.RowDescriptionMessage = exports.Field = exports.CopyResponse = exports.CopyDataMessage = exports.DatabaseError = exports.copyDone = exports.emptyQuery = exports.replicationStart = exports.portalSuspended = exports.noData = exports.closeComplete = exports.bindComplete = exports.parseComplete = void 0;
exports.parseComplete = {
    name: 'parseComplete',
    length: 5,
};
exports.bindComplete = {
    name: 'bindComplete',
    length: 5,
};
exports.closeComplete = {
    name: 'closeComplete',
    length: 5,
};
exports.noData = {
    name: 'noData',
    length: 5,
};
exports.portalSuspended = {
    name: 'portalSuspended',
    length: 5,
};
exports.replicationStart = {
    name: 'replicationStart',
    length: 4,
};
exports.emptyQuery = {
    name: 'emptyQuery',
    length: 4,
};
exports.copyDone = {
    name: 'copyDone',
    length: 4,
};
class DatabaseError extends Error {
    constructor(message, length, name) {
        super(message);
        this.length = length;
        this.name = name;
    }
}
exports.DatabaseError = DatabaseError;
class CopyDataMessage {
    constructor(length, chunk) {
        this.length = length;
        this.chunk = chunk;
        this.name = 'copyData';
    }
}
exports.CopyDataMessage = CopyDataMessage;
class CopyResponse {
    constructor(length, name, binary, columnCount) {
        this.length = length;
        this.name = name;
        this.binary = binary;
        this.columnTypes = new Array(columnCount);
    }
}
exports.CopyResponse = CopyResponse;
class Field {
    constructor(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, format) {
        this.name = name;
        this.tableID = tableID;
        this.columnID = columnID;
        this.dataTypeID = dataTypeID;
        this.dataTypeSize = dataTypeSize;
        this.dataTypeModifier = dataTypeModifier;
        this.format = format;
    }
}
exports.Field = Field;
class RowDescriptionMessage {
    constructor(length, fieldCount) {
        this.length = length;
        this.fieldCount = fieldCount;
        this.name = 'rowDescription';
        this.fields = new Array(this.fieldCount);
    }
}
exports.RowDescriptionMessage = RowDescriptionMessage;
class ParameterDescriptionMessage {
    constructor(length, parameterCount) {
        this.length = length;
        this.parameterCount = parameterCount;
        this.name = 'parameterDescription';
        this.dataTypeIDs = new Array(this.parameterCount);
    }
}
exports.ParameterDescriptionMessage = ParameterDescriptionMessage;
class ParameterStatusMessage {
    constructor(length, parameterName, parameterValue) {
        this.length = length;
        this.parameterName = parameterName;
        this.parameterValue = parameterValue;
        this.name = 'parameterStatus';
    }
}
exports.ParameterStatusMessage = ParameterStatusMessage;
class AuthenticationMD5Password {
    constructor(length, salt) {
        this.length = length;
        this.salt = salt;
        this.name = 'authenticationMD5Password';
    }
}
exports.AuthenticationMD5Password = AuthenticationMD5Password;
class BackendKeyDataMessage {
    constructor(length, processID, secretKey) {
        this.length = length;
        this.processID = processID;
        this.secretKey = secretKey;
        this.name = 'backendKeyData';
    }
}
exports.BackendKeyDataMessage = BackendKeyDataMessage;
class NotificationResponseMessage {
    constructor(length, processId, channel, payload) {
        this.length = length;
        this.processId = processId;
        this.channel = channel;
        this.payload = payload;
        this.name = 'notification';
    }
}
exports.NotificationResponseMessage = NotificationResponseMessage;
class ReadyForQueryMessage {
    constructor(length, status) {
        this.length = length;
        this.status = status;
        this.name = 'readyForQuery';
    }
}
exports.ReadyForQueryMessage = ReadyForQueryMessage;
class CommandCompleteMessage {
    constructor(length, text) {
        this.length = length;
        this.text = text;
        this.name = 'commandComplete';
    }
}
exports.CommandCompleteMessage = CommandCompleteMessage;
class DataRowMessage {
    constructor(length, fields) {
        this.length = length;
        this.fields = fields;
        this.name = 'dataRow';
        this.fieldCount = fields.length;
    }
}
exports.DataRowMessage = DataRowMessage;
class NoticeMessage {
    constructor(length, message) {
        this.length = length;
        this.message = message;
        this.name = 'notice';
    }
}
exports.NoticeMessage = NoticeMessage;
//# sourceMappingURL=messages.js.map

/***/ }),

/***/ 3318:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const messages_1 = __webpack_require__(5809);
const buffer_reader_1 = __webpack_require__(9971);
// every message is prefixed with a single byte
const CODE_LENGTH = 1;
// every message has an int32 length which includes itself but does
// NOT include the code in the length
const LEN_LENGTH = 4;
const HEADER_LENGTH = CODE_LENGTH + LEN_LENGTH;
// A placeholder for a `BackendMessage`’s length value that will be set after construction.
const LATEINIT_LENGTH = -1;
const emptyBuffer = Buffer.allocUnsafe(0);
class Parser {
    constructor(opts) {
        this.buffer = emptyBuffer;
        this.bufferLength = 0;
        this.bufferOffset = 0;
        this.reader = new buffer_reader_1.BufferReader();
        if ((opts === null || opts === void 0 ? void 0 : opts.mode) === 'binary') {
            throw new Error('Binary mode not supported yet');
        }
        this.mode = (opts === null || opts === void 0 ? void 0 : opts.mode) || 'text';
    }
    parse(buffer, callback) {
        this.mergeBuffer(buffer);
        const bufferFullLength = this.bufferOffset + this.bufferLength;
        let offset = this.bufferOffset;
        while (offset + HEADER_LENGTH <= bufferFullLength) {
            // code is 1 byte long - it identifies the message type
            const code = this.buffer[offset];
            // length is 1 Uint32BE - it is the length of the message EXCLUDING the code
            const length = this.buffer.readUInt32BE(offset + CODE_LENGTH);
            const fullMessageLength = CODE_LENGTH + length;
            if (fullMessageLength + offset <= bufferFullLength) {
                const message = this.handlePacket(offset + HEADER_LENGTH, code, length, this.buffer);
                callback(message);
                offset += fullMessageLength;
            }
            else {
                break;
            }
        }
        if (offset === bufferFullLength) {
            // No more use for the buffer
            this.buffer = emptyBuffer;
            this.bufferLength = 0;
            this.bufferOffset = 0;
        }
        else {
            // Adjust the cursors of remainingBuffer
            this.bufferLength = bufferFullLength - offset;
            this.bufferOffset = offset;
        }
    }
    mergeBuffer(buffer) {
        if (this.bufferLength > 0) {
            const newLength = this.bufferLength + buffer.byteLength;
            const newFullLength = newLength + this.bufferOffset;
            if (newFullLength > this.buffer.byteLength) {
                // We can't concat the new buffer with the remaining one
                let newBuffer;
                if (newLength <= this.buffer.byteLength && this.bufferOffset >= this.bufferLength) {
                    // We can move the relevant part to the beginning of the buffer instead of allocating a new buffer
                    newBuffer = this.buffer;
                }
                else {
                    // Allocate a new larger buffer
                    let newBufferLength = this.buffer.byteLength * 2;
                    while (newLength >= newBufferLength) {
                        newBufferLength *= 2;
                    }
                    newBuffer = Buffer.allocUnsafe(newBufferLength);
                }
                // Move the remaining buffer to the new one
                this.buffer.copy(newBuffer, 0, this.bufferOffset, this.bufferOffset + this.bufferLength);
                this.buffer = newBuffer;
                this.bufferOffset = 0;
            }
            // Concat the new buffer with the remaining one
            buffer.copy(this.buffer, this.bufferOffset + this.bufferLength);
            this.bufferLength = newLength;
        }
        else {
            this.buffer = buffer;
            this.bufferOffset = 0;
            this.bufferLength = buffer.byteLength;
        }
    }
    handlePacket(offset, code, length, bytes) {
        const { reader } = this;
        // NOTE: This undesirably retains the buffer in `this.reader` if the `parse*Message` calls below throw. However, those should only throw in the case of a protocol error, which normally results in the reader being discarded.
        reader.setBuffer(offset, bytes);
        let message;
        switch (code) {
            case 50 /* MessageCodes.BindComplete */:
                message = messages_1.bindComplete;
                break;
            case 49 /* MessageCodes.ParseComplete */:
                message = messages_1.parseComplete;
                break;
            case 51 /* MessageCodes.CloseComplete */:
                message = messages_1.closeComplete;
                break;
            case 110 /* MessageCodes.NoData */:
                message = messages_1.noData;
                break;
            case 115 /* MessageCodes.PortalSuspended */:
                message = messages_1.portalSuspended;
                break;
            case 99 /* MessageCodes.CopyDone */:
                message = messages_1.copyDone;
                break;
            case 87 /* MessageCodes.ReplicationStart */:
                message = messages_1.replicationStart;
                break;
            case 73 /* MessageCodes.EmptyQuery */:
                message = messages_1.emptyQuery;
                break;
            case 68 /* MessageCodes.DataRow */:
                message = parseDataRowMessage(reader);
                break;
            case 67 /* MessageCodes.CommandComplete */:
                message = parseCommandCompleteMessage(reader);
                break;
            case 90 /* MessageCodes.ReadyForQuery */:
                message = parseReadyForQueryMessage(reader);
                break;
            case 65 /* MessageCodes.NotificationResponse */:
                message = parseNotificationMessage(reader);
                break;
            case 82 /* MessageCodes.AuthenticationResponse */:
                message = parseAuthenticationResponse(reader, length);
                break;
            case 83 /* MessageCodes.ParameterStatus */:
                message = parseParameterStatusMessage(reader);
                break;
            case 75 /* MessageCodes.BackendKeyData */:
                message = parseBackendKeyData(reader);
                break;
            case 69 /* MessageCodes.ErrorMessage */:
                message = parseErrorMessage(reader, 'error');
                break;
            case 78 /* MessageCodes.NoticeMessage */:
                message = parseErrorMessage(reader, 'notice');
                break;
            case 84 /* MessageCodes.RowDescriptionMessage */:
                message = parseRowDescriptionMessage(reader);
                break;
            case 116 /* MessageCodes.ParameterDescriptionMessage */:
                message = parseParameterDescriptionMessage(reader);
                break;
            case 71 /* MessageCodes.CopyIn */:
                message = parseCopyInMessage(reader);
                break;
            case 72 /* MessageCodes.CopyOut */:
                message = parseCopyOutMessage(reader);
                break;
            case 100 /* MessageCodes.CopyData */:
                message = parseCopyData(reader, length);
                break;
            default:
                return new messages_1.DatabaseError('received invalid response: ' + code.toString(16), length, 'error');
        }
        reader.setBuffer(0, emptyBuffer);
        message.length = length;
        return message;
    }
}
exports.Parser = Parser;
const parseReadyForQueryMessage = (reader) => {
    const status = reader.string(1);
    return new messages_1.ReadyForQueryMessage(LATEINIT_LENGTH, status);
};
const parseCommandCompleteMessage = (reader) => {
    const text = reader.cstring();
    return new messages_1.CommandCompleteMessage(LATEINIT_LENGTH, text);
};
const parseCopyData = (reader, length) => {
    const chunk = reader.bytes(length - 4);
    return new messages_1.CopyDataMessage(LATEINIT_LENGTH, chunk);
};
const parseCopyInMessage = (reader) => parseCopyMessage(reader, 'copyInResponse');
const parseCopyOutMessage = (reader) => parseCopyMessage(reader, 'copyOutResponse');
const parseCopyMessage = (reader, messageName) => {
    const isBinary = reader.byte() !== 0;
    const columnCount = reader.int16();
    const message = new messages_1.CopyResponse(LATEINIT_LENGTH, messageName, isBinary, columnCount);
    for (let i = 0; i < columnCount; i++) {
        message.columnTypes[i] = reader.int16();
    }
    return message;
};
const parseNotificationMessage = (reader) => {
    const processId = reader.int32();
    const channel = reader.cstring();
    const payload = reader.cstring();
    return new messages_1.NotificationResponseMessage(LATEINIT_LENGTH, processId, channel, payload);
};
const parseRowDescriptionMessage = (reader) => {
    const fieldCount = reader.int16();
    const message = new messages_1.RowDescriptionMessage(LATEINIT_LENGTH, fieldCount);
    for (let i = 0; i < fieldCount; i++) {
        message.fields[i] = parseField(reader);
    }
    return message;
};
const parseField = (reader) => {
    const name = reader.cstring();
    const tableID = reader.uint32();
    const columnID = reader.int16();
    const dataTypeID = reader.uint32();
    const dataTypeSize = reader.int16();
    const dataTypeModifier = reader.int32();
    const mode = reader.int16() === 0 ? 'text' : 'binary';
    return new messages_1.Field(name, tableID, columnID, dataTypeID, dataTypeSize, dataTypeModifier, mode);
};
const parseParameterDescriptionMessage = (reader) => {
    const parameterCount = reader.int16();
    const message = new messages_1.ParameterDescriptionMessage(LATEINIT_LENGTH, parameterCount);
    for (let i = 0; i < parameterCount; i++) {
        // OIDs are unsigned, same as dataTypeID in parseField above
        message.dataTypeIDs[i] = reader.uint32();
    }
    return message;
};
const parseDataRowMessage = (reader) => {
    const fieldCount = reader.int16();
    const fields = new Array(fieldCount);
    for (let i = 0; i < fieldCount; i++) {
        const len = reader.int32();
        // a -1 for length means the value of the field is null
        fields[i] = len === -1 ? null : reader.string(len);
    }
    return new messages_1.DataRowMessage(LATEINIT_LENGTH, fields);
};
const parseParameterStatusMessage = (reader) => {
    const name = reader.cstring();
    const value = reader.cstring();
    return new messages_1.ParameterStatusMessage(LATEINIT_LENGTH, name, value);
};
const parseBackendKeyData = (reader) => {
    const processID = reader.int32();
    const secretKey = reader.int32();
    return new messages_1.BackendKeyDataMessage(LATEINIT_LENGTH, processID, secretKey);
};
const parseAuthenticationResponse = (reader, length) => {
    const code = reader.int32();
    // TODO(bmc): maybe better types here
    const message = {
        name: 'authenticationOk',
        length,
    };
    switch (code) {
        case 0: // AuthenticationOk
            break;
        case 3: // AuthenticationCleartextPassword
            if (message.length === 8) {
                message.name = 'authenticationCleartextPassword';
            }
            break;
        case 5: // AuthenticationMD5Password
            if (message.length === 12) {
                message.name = 'authenticationMD5Password';
                const salt = reader.bytes(4);
                return new messages_1.AuthenticationMD5Password(LATEINIT_LENGTH, salt);
            }
            break;
        case 10: // AuthenticationSASL
            {
                message.name = 'authenticationSASL';
                message.mechanisms = [];
                let mechanism;
                do {
                    mechanism = reader.cstring();
                    if (mechanism) {
                        message.mechanisms.push(mechanism);
                    }
                } while (mechanism);
            }
            break;
        case 11: // AuthenticationSASLContinue
            message.name = 'authenticationSASLContinue';
            message.data = reader.string(length - 8);
            break;
        case 12: // AuthenticationSASLFinal
            message.name = 'authenticationSASLFinal';
            message.data = reader.string(length - 8);
            break;
        default:
            throw new Error('Unknown authenticationOk message type ' + code);
    }
    return message;
};
const parseErrorMessage = (reader, name) => {
    const fields = {};
    let fieldType = reader.string(1);
    while (fieldType !== '\0') {
        fields[fieldType] = reader.cstring();
        fieldType = reader.string(1);
    }
    const messageValue = fields.M;
    const message = name === 'notice'
        ? new messages_1.NoticeMessage(LATEINIT_LENGTH, messageValue)
        : new messages_1.DatabaseError(messageValue, LATEINIT_LENGTH, name);
    message.severity = fields.S;
    message.code = fields.C;
    message.detail = fields.D;
    message.hint = fields.H;
    message.position = fields.P;
    message.internalPosition = fields.p;
    message.internalQuery = fields.q;
    message.where = fields.W;
    message.schema = fields.s;
    message.table = fields.t;
    message.column = fields.c;
    message.dataType = fields.d;
    message.constraint = fields.n;
    message.file = fields.F;
    message.line = fields.L;
    message.routine = fields.R;
    return message;
};
//# sourceMappingURL=parser.js.map

/***/ }),

/***/ 6513:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.serialize = void 0;
const buffer_writer_1 = __webpack_require__(9315);
const writer = new buffer_writer_1.Writer();
const startup = (opts) => {
    // protocol version
    writer.addInt16(3).addInt16(0);
    for (const key of Object.keys(opts)) {
        writer.addCString(key).addCString(opts[key]);
    }
    writer.addCString('client_encoding').addCString('UTF8');
    const bodyBuffer = writer.addCString('').flush();
    // this message is sent without a code
    const length = bodyBuffer.length + 4;
    return new buffer_writer_1.Writer().addInt32(length).add(bodyBuffer).flush();
};
const requestSsl = () => {
    const response = Buffer.allocUnsafe(8);
    response.writeInt32BE(8, 0);
    response.writeInt32BE(80877103, 4);
    return response;
};
const password = (password) => {
    return writer.addCString(password).flush(112 /* code.startup */);
};
const sendSASLInitialResponseMessage = function (mechanism, initialResponse) {
    // 0x70 = 'p'
    writer.addCString(mechanism).addInt32PrefixedString(initialResponse);
    return writer.flush(112 /* code.startup */);
};
const sendSCRAMClientFinalMessage = function (additionalData) {
    return writer.addString(additionalData).flush(112 /* code.startup */);
};
const query = (text) => {
    return writer.addCString(text).flush(81 /* code.query */);
};
const emptyArray = [];
const parse = (query) => {
    // expect something like this:
    // { name: 'queryName',
    //   text: 'select * from blah',
    //   types: ['int8', 'bool'] }
    // normalize missing query names to allow for null
    const name = query.name || '';
    if (name.length > 63) {
        console.error('Warning! Postgres only supports 63 characters for query names.');
        console.error('You supplied %s (%s)', name, name.length);
        console.error('This can cause conflicts and silent errors executing queries');
    }
    const types = query.types || emptyArray;
    const len = types.length;
    const buffer = writer
        .addCString(name) // name of query
        .addCString(query.text) // actual query text
        .addInt16(len);
    for (let i = 0; i < len; i++) {
        buffer.addInt32(types[i]);
    }
    return writer.flush(80 /* code.parse */);
};
const writeValues = function (values, valueMapper, formatsOffset) {
    const len = values.length;
    for (let i = 0; i < len; i++) {
        const mappedVal = valueMapper ? valueMapper(values[i], i) : values[i];
        let formatByte = 0 /* ParamType.STRING */;
        if (mappedVal == null) {
            // write -1 to indicate null
            writer.addInt32(-1);
        }
        else if (mappedVal instanceof Buffer) {
            formatByte = 1 /* ParamType.BINARY */;
            // add the buffer to the param writer
            writer.addInt32(mappedVal.length);
            writer.add(mappedVal);
        }
        else {
            // length prefix + UTF-8 bytes in one pass (Buffer.byteLength computed once)
            writer.addInt32PrefixedString(mappedVal);
        }
        // beware: `writer` operations can replace `writer.buffer` with a new buffer
        const buf = writer.buffer;
        buf[formatsOffset++] = 0;
        buf[formatsOffset++] = formatByte;
    }
};
const bind = (config = {}) => {
    // normalize config
    const portal = config.portal || '';
    const statement = config.statement || '';
    const binary = config.binary || false;
    const values = config.values || emptyArray;
    const len = values.length;
    writer.addCString(portal).addCString(statement);
    // number of parameter format codes
    writer.addInt16(len);
    // space for those codes, filled by `writeValues`
    const formatsOffset = writer.reserveUnsafe(len * 2);
    // number of parameter values
    writer.addInt16(len);
    try {
        writeValues(values, config.valueMapper, formatsOffset);
    }
    catch (err) {
        writer.clear();
        throw err;
    }
    // all results use the same format code
    writer.addInt16(1);
    // format code
    writer.addInt16(binary ? 1 /* ParamType.BINARY */ : 0 /* ParamType.STRING */);
    return writer.flush(66 /* code.bind */);
};
const emptyExecute = Buffer.from([69 /* code.execute */, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00]);
const execute = (config) => {
    // this is the happy path for most queries
    if (!config || (!config.portal && !config.rows)) {
        return emptyExecute;
    }
    const portal = config.portal || '';
    const rows = config.rows || 0;
    const portalLength = Buffer.byteLength(portal);
    const len = 4 + portalLength + 1 + 4;
    // one extra bit for code
    const buff = Buffer.allocUnsafe(1 + len);
    buff[0] = 69 /* code.execute */;
    buff.writeInt32BE(len, 1);
    buff.write(portal, 5, 'utf-8');
    buff[portalLength + 5] = 0; // null terminate portal cString
    buff.writeUInt32BE(rows, buff.length - 4);
    return buff;
};
const cancel = (processID, secretKey) => {
    const buffer = Buffer.allocUnsafe(16);
    buffer.writeInt32BE(16, 0);
    buffer.writeInt16BE(1234, 4);
    buffer.writeInt16BE(5678, 6);
    buffer.writeInt32BE(processID, 8);
    buffer.writeInt32BE(secretKey, 12);
    return buffer;
};
const cstringMessage = (code, string) => {
    const stringLen = Buffer.byteLength(string);
    const len = 4 + stringLen + 1;
    // one extra bit for code
    const buffer = Buffer.allocUnsafe(1 + len);
    buffer[0] = code;
    buffer.writeInt32BE(len, 1);
    buffer.write(string, 5, 'utf-8');
    buffer[len] = 0; // null terminate cString
    return buffer;
};
const emptyDescribePortal = writer.addCString('P').flush(68 /* code.describe */);
const emptyDescribeStatement = writer.addCString('S').flush(68 /* code.describe */);
const describe = (msg) => {
    return msg.name
        ? cstringMessage(68 /* code.describe */, `${msg.type}${msg.name || ''}`)
        : msg.type === 'P'
            ? emptyDescribePortal
            : emptyDescribeStatement;
};
const close = (msg) => {
    const text = `${msg.type}${msg.name || ''}`;
    return cstringMessage(67 /* code.close */, text);
};
const copyData = (chunk) => {
    return writer.add(chunk).flush(100 /* code.copyFromChunk */);
};
const copyFail = (message) => {
    return cstringMessage(102 /* code.copyFail */, message);
};
const codeOnlyBuffer = (code) => Buffer.from([code, 0x00, 0x00, 0x00, 0x04]);
const flushBuffer = codeOnlyBuffer(72 /* code.flush */);
const syncBuffer = codeOnlyBuffer(83 /* code.sync */);
const endBuffer = codeOnlyBuffer(88 /* code.end */);
const copyDoneBuffer = codeOnlyBuffer(99 /* code.copyDone */);
const serialize = {
    startup,
    password,
    requestSsl,
    sendSASLInitialResponseMessage,
    sendSCRAMClientFinalMessage,
    query,
    parse,
    bind,
    execute,
    describe,
    close,
    flush: () => flushBuffer,
    sync: () => syncBuffer,
    end: () => endBuffer,
    copyData,
    copyDone: () => copyDoneBuffer,
    copyFail,
    cancel,
};
exports.serialize = serialize;
//# sourceMappingURL=serializer.js.map

/***/ }),

/***/ 1549:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var textParsers = __webpack_require__(4784);
var binaryParsers = __webpack_require__(7522);
var arrayParser = __webpack_require__(6471);
var builtinTypes = __webpack_require__(6345);

exports.getTypeParser = getTypeParser;
exports.setTypeParser = setTypeParser;
exports.arrayParser = arrayParser;
exports.builtins = builtinTypes;

var typeParsers = {
  text: {},
  binary: {}
};

//the empty parse function
function noParse (val) {
  return String(val);
};

//returns a function used to convert a specific type (specified by
//oid) into a result javascript type
//note: the oid can be obtained via the following sql query:
//SELECT oid FROM pg_type WHERE typname = 'TYPE_NAME_HERE';
function getTypeParser (oid, format) {
  format = format || 'text';
  if (!typeParsers[format]) {
    return noParse;
  }
  return typeParsers[format][oid] || noParse;
};

function setTypeParser (oid, format, parseFn) {
  if(typeof format == 'function') {
    parseFn = format;
    format = 'text';
  }
  typeParsers[format][oid] = parseFn;
};

textParsers.init(function(oid, converter) {
  typeParsers.text[oid] = converter;
});

binaryParsers.init(function(oid, converter) {
  typeParsers.binary[oid] = converter;
});


/***/ }),

/***/ 6471:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var array = __webpack_require__(3879);

module.exports = {
  create: function (source, transform) {
    return {
      parse: function() {
        return array.parse(source, transform);
      }
    };
  }
};


/***/ }),

/***/ 7522:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var parseInt64 = __webpack_require__(2299);

var parseBits = function(data, bits, offset, invert, callback) {
  offset = offset || 0;
  invert = invert || false;
  callback = callback || function(lastValue, newValue, bits) { return (lastValue * Math.pow(2, bits)) + newValue; };
  var offsetBytes = offset >> 3;

  var inv = function(value) {
    if (invert) {
      return ~value & 0xff;
    }

    return value;
  };

  // read first (maybe partial) byte
  var mask = 0xff;
  var firstBits = 8 - (offset % 8);
  if (bits < firstBits) {
    mask = (0xff << (8 - bits)) & 0xff;
    firstBits = bits;
  }

  if (offset) {
    mask = mask >> (offset % 8);
  }

  var result = 0;
  if ((offset % 8) + bits >= 8) {
    result = callback(0, inv(data[offsetBytes]) & mask, firstBits);
  }

  // read bytes
  var bytes = (bits + offset) >> 3;
  for (var i = offsetBytes + 1; i < bytes; i++) {
    result = callback(result, inv(data[i]), 8);
  }

  // bits to read, that are not a complete byte
  var lastBits = (bits + offset) % 8;
  if (lastBits > 0) {
    result = callback(result, inv(data[bytes]) >> (8 - lastBits), lastBits);
  }

  return result;
};

var parseFloatFromBits = function(data, precisionBits, exponentBits) {
  var bias = Math.pow(2, exponentBits - 1) - 1;
  var sign = parseBits(data, 1);
  var exponent = parseBits(data, exponentBits, 1);

  if (exponent === 0) {
    return 0;
  }

  // parse mantissa
  var precisionBitsCounter = 1;
  var parsePrecisionBits = function(lastValue, newValue, bits) {
    if (lastValue === 0) {
      lastValue = 1;
    }

    for (var i = 1; i <= bits; i++) {
      precisionBitsCounter /= 2;
      if ((newValue & (0x1 << (bits - i))) > 0) {
        lastValue += precisionBitsCounter;
      }
    }

    return lastValue;
  };

  var mantissa = parseBits(data, precisionBits, exponentBits + 1, false, parsePrecisionBits);

  // special cases
  if (exponent == (Math.pow(2, exponentBits + 1) - 1)) {
    if (mantissa === 0) {
      return (sign === 0) ? Infinity : -Infinity;
    }

    return NaN;
  }

  // normale number
  return ((sign === 0) ? 1 : -1) * Math.pow(2, exponent - bias) * mantissa;
};

var parseInt16 = function(value) {
  if (parseBits(value, 1) == 1) {
    return -1 * (parseBits(value, 15, 1, true) + 1);
  }

  return parseBits(value, 15, 1);
};

var parseInt32 = function(value) {
  if (parseBits(value, 1) == 1) {
    return -1 * (parseBits(value, 31, 1, true) + 1);
  }

  return parseBits(value, 31, 1);
};

var parseFloat32 = function(value) {
  return parseFloatFromBits(value, 23, 8);
};

var parseFloat64 = function(value) {
  return parseFloatFromBits(value, 52, 11);
};

var parseNumeric = function(value) {
  var sign = parseBits(value, 16, 32);
  if (sign == 0xc000) {
    return NaN;
  }

  var weight = Math.pow(10000, parseBits(value, 16, 16));
  var result = 0;

  var digits = [];
  var ndigits = parseBits(value, 16);
  for (var i = 0; i < ndigits; i++) {
    result += parseBits(value, 16, 64 + (16 * i)) * weight;
    weight /= 10000;
  }

  var scale = Math.pow(10, parseBits(value, 16, 48));
  return ((sign === 0) ? 1 : -1) * Math.round(result * scale) / scale;
};

var parseDate = function(isUTC, value) {
  var sign = parseBits(value, 1);
  var rawValue = parseBits(value, 63, 1);

  // discard usecs and shift from 2000 to 1970
  var result = new Date((((sign === 0) ? 1 : -1) * rawValue / 1000) + 946684800000);

  if (!isUTC) {
    result.setTime(result.getTime() + result.getTimezoneOffset() * 60000);
  }

  // add microseconds to the date
  result.usec = rawValue % 1000;
  result.getMicroSeconds = function() {
    return this.usec;
  };
  result.setMicroSeconds = function(value) {
    this.usec = value;
  };
  result.getUTCMicroSeconds = function() {
    return this.usec;
  };

  return result;
};

var parseArray = function(value) {
  var dim = parseBits(value, 32);

  var flags = parseBits(value, 32, 32);
  var elementType = parseBits(value, 32, 64);

  var offset = 96;
  var dims = [];
  for (var i = 0; i < dim; i++) {
    // parse dimension
    dims[i] = parseBits(value, 32, offset);
    offset += 32;

    // ignore lower bounds
    offset += 32;
  }

  var parseElement = function(elementType) {
    // parse content length
    var length = parseBits(value, 32, offset);
    offset += 32;

    // parse null values
    if (length == 0xffffffff) {
      return null;
    }

    var result;
    if ((elementType == 0x17) || (elementType == 0x14)) {
      // int/bigint
      result = parseBits(value, length * 8, offset);
      offset += length * 8;
      return result;
    }
    else if (elementType == 0x19) {
      // string
      result = value.toString(this.encoding, offset >> 3, (offset += (length << 3)) >> 3);
      return result;
    }
    else {
      console.log("ERROR: ElementType not implemented: " + elementType);
    }
  };

  var parse = function(dimension, elementType) {
    var array = [];
    var i;

    if (dimension.length > 1) {
      var count = dimension.shift();
      for (i = 0; i < count; i++) {
        array[i] = parse(dimension, elementType);
      }
      dimension.unshift(count);
    }
    else {
      for (i = 0; i < dimension[0]; i++) {
        array[i] = parseElement(elementType);
      }
    }

    return array;
  };

  return parse(dims, elementType);
};

var parseText = function(value) {
  return value.toString('utf8');
};

var parseBool = function(value) {
  if(value === null) return null;
  return (parseBits(value, 8) > 0);
};

var init = function(register) {
  register(20, parseInt64);
  register(21, parseInt16);
  register(23, parseInt32);
  register(26, parseInt32);
  register(1700, parseNumeric);
  register(700, parseFloat32);
  register(701, parseFloat64);
  register(16, parseBool);
  register(1114, parseDate.bind(null, false));
  register(1184, parseDate.bind(null, true));
  register(1000, parseArray);
  register(1007, parseArray);
  register(1016, parseArray);
  register(1008, parseArray);
  register(1009, parseArray);
  register(25, parseText);
};

module.exports = {
  init: init
};


/***/ }),

/***/ 6345:
/***/ ((module) => {

/**
 * Following query was used to generate this file:

 SELECT json_object_agg(UPPER(PT.typname), PT.oid::int4 ORDER BY pt.oid)
 FROM pg_type PT
 WHERE typnamespace = (SELECT pgn.oid FROM pg_namespace pgn WHERE nspname = 'pg_catalog') -- Take only builting Postgres types with stable OID (extension types are not guaranted to be stable)
 AND typtype = 'b' -- Only basic types
 AND typelem = 0 -- Ignore aliases
 AND typisdefined -- Ignore undefined types
 */

module.exports = {
    BOOL: 16,
    BYTEA: 17,
    CHAR: 18,
    INT8: 20,
    INT2: 21,
    INT4: 23,
    REGPROC: 24,
    TEXT: 25,
    OID: 26,
    TID: 27,
    XID: 28,
    CID: 29,
    JSON: 114,
    XML: 142,
    PG_NODE_TREE: 194,
    SMGR: 210,
    PATH: 602,
    POLYGON: 604,
    CIDR: 650,
    FLOAT4: 700,
    FLOAT8: 701,
    ABSTIME: 702,
    RELTIME: 703,
    TINTERVAL: 704,
    CIRCLE: 718,
    MACADDR8: 774,
    MONEY: 790,
    MACADDR: 829,
    INET: 869,
    ACLITEM: 1033,
    BPCHAR: 1042,
    VARCHAR: 1043,
    DATE: 1082,
    TIME: 1083,
    TIMESTAMP: 1114,
    TIMESTAMPTZ: 1184,
    INTERVAL: 1186,
    TIMETZ: 1266,
    BIT: 1560,
    VARBIT: 1562,
    NUMERIC: 1700,
    REFCURSOR: 1790,
    REGPROCEDURE: 2202,
    REGOPER: 2203,
    REGOPERATOR: 2204,
    REGCLASS: 2205,
    REGTYPE: 2206,
    UUID: 2950,
    TXID_SNAPSHOT: 2970,
    PG_LSN: 3220,
    PG_NDISTINCT: 3361,
    PG_DEPENDENCIES: 3402,
    TSVECTOR: 3614,
    TSQUERY: 3615,
    GTSVECTOR: 3642,
    REGCONFIG: 3734,
    REGDICTIONARY: 3769,
    JSONB: 3802,
    REGNAMESPACE: 4089,
    REGROLE: 4096
};


/***/ }),

/***/ 4784:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var array = __webpack_require__(3879)
var arrayParser = __webpack_require__(6471);
var parseDate = __webpack_require__(2690);
var parseInterval = __webpack_require__(8755);
var parseByteA = __webpack_require__(463);

function allowNull (fn) {
  return function nullAllowed (value) {
    if (value === null) return value
    return fn(value)
  }
}

function parseBool (value) {
  if (value === null) return value
  return value === 'TRUE' ||
    value === 't' ||
    value === 'true' ||
    value === 'y' ||
    value === 'yes' ||
    value === 'on' ||
    value === '1';
}

function parseBoolArray (value) {
  if (!value) return null
  return array.parse(value, parseBool)
}

function parseBaseTenInt (string) {
  return parseInt(string, 10)
}

function parseIntegerArray (value) {
  if (!value) return null
  return array.parse(value, allowNull(parseBaseTenInt))
}

function parseBigIntegerArray (value) {
  if (!value) return null
  return array.parse(value, allowNull(function (entry) {
    return parseBigInteger(entry).trim()
  }))
}

var parsePointArray = function(value) {
  if(!value) { return null; }
  var p = arrayParser.create(value, function(entry) {
    if(entry !== null) {
      entry = parsePoint(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseFloatArray = function(value) {
  if(!value) { return null; }
  var p = arrayParser.create(value, function(entry) {
    if(entry !== null) {
      entry = parseFloat(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseStringArray = function(value) {
  if(!value) { return null; }

  var p = arrayParser.create(value);
  return p.parse();
};

var parseDateArray = function(value) {
  if (!value) { return null; }

  var p = arrayParser.create(value, function(entry) {
    if (entry !== null) {
      entry = parseDate(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseIntervalArray = function(value) {
  if (!value) { return null; }

  var p = arrayParser.create(value, function(entry) {
    if (entry !== null) {
      entry = parseInterval(entry);
    }
    return entry;
  });

  return p.parse();
};

var parseByteAArray = function(value) {
  if (!value) { return null; }

  return array.parse(value, allowNull(parseByteA));
};

var parseInteger = function(value) {
  return parseInt(value, 10);
};

var parseBigInteger = function(value) {
  var valStr = String(value);
  if (/^\d+$/.test(valStr)) { return valStr; }
  return value;
};

var parseJsonArray = function(value) {
  if (!value) { return null; }

  return array.parse(value, allowNull(JSON.parse));
};

var parsePoint = function(value) {
  if (value[0] !== '(') { return null; }

  value = value.substring( 1, value.length - 1 ).split(',');

  return {
    x: parseFloat(value[0])
  , y: parseFloat(value[1])
  };
};

var parseCircle = function(value) {
  if (value[0] !== '<' && value[1] !== '(') { return null; }

  var point = '(';
  var radius = '';
  var pointParsed = false;
  for (var i = 2; i < value.length - 1; i++){
    if (!pointParsed) {
      point += value[i];
    }

    if (value[i] === ')') {
      pointParsed = true;
      continue;
    } else if (!pointParsed) {
      continue;
    }

    if (value[i] === ','){
      continue;
    }

    radius += value[i];
  }
  var result = parsePoint(point);
  result.radius = parseFloat(radius);

  return result;
};

var init = function(register) {
  register(20, parseBigInteger); // int8
  register(21, parseInteger); // int2
  register(23, parseInteger); // int4
  register(26, parseInteger); // oid
  register(700, parseFloat); // float4/real
  register(701, parseFloat); // float8/double
  register(16, parseBool);
  register(1082, parseDate); // date
  register(1114, parseDate); // timestamp without timezone
  register(1184, parseDate); // timestamp
  register(600, parsePoint); // point
  register(651, parseStringArray); // cidr[]
  register(718, parseCircle); // circle
  register(1000, parseBoolArray);
  register(1001, parseByteAArray);
  register(1005, parseIntegerArray); // _int2
  register(1007, parseIntegerArray); // _int4
  register(1028, parseIntegerArray); // oid[]
  register(1016, parseBigIntegerArray); // _int8
  register(1017, parsePointArray); // point[]
  register(1021, parseFloatArray); // _float4
  register(1022, parseFloatArray); // _float8
  register(1231, parseFloatArray); // _numeric
  register(1014, parseStringArray); //char
  register(1015, parseStringArray); //varchar
  register(1008, parseStringArray);
  register(1009, parseStringArray);
  register(1040, parseStringArray); // macaddr[]
  register(1041, parseStringArray); // inet[]
  register(1115, parseDateArray); // timestamp without time zone[]
  register(1182, parseDateArray); // _date
  register(1185, parseDateArray); // timestamp with time zone[]
  register(1186, parseInterval);
  register(1187, parseIntervalArray);
  register(17, parseByteA);
  register(114, JSON.parse.bind(JSON)); // json
  register(3802, JSON.parse.bind(JSON)); // jsonb
  register(199, parseJsonArray); // json[]
  register(3807, parseJsonArray); // jsonb[]
  register(3907, parseStringArray); // numrange[]
  register(2951, parseStringArray); // uuid[]
  register(791, parseStringArray); // money[]
  register(1183, parseStringArray); // time[]
  register(1270, parseStringArray); // timetz[]
};

module.exports = {
  init: init
};


/***/ }),

/***/ 5042:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const EventEmitter = (__webpack_require__(4434).EventEmitter)
const utils = __webpack_require__(9652)
const nodeUtils = __webpack_require__(9023)
const sasl = __webpack_require__(948)
const TypeOverrides = __webpack_require__(365)

const ConnectionParameters = __webpack_require__(646)
const Query = __webpack_require__(4473)
const defaults = __webpack_require__(8995)
const Connection = __webpack_require__(9809)
const crypto = __webpack_require__(4150)

const activeQueryDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Client.activeQuery is deprecated and will be removed in pg@9.0'
)

const queryQueueDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Client.queryQueue is deprecated and will be removed in pg@9.0.'
)

const pgPassDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'pgpass support is deprecated and will be removed in pg@9.0. ' +
    'You can provide an async function as the password property to the Client/Pool constructor that returns a password instead. Within this function you can call the pgpass module in your own code.'
)

const byoPromiseDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Passing a custom Promise implementation to the Client/Pool constructor is deprecated and will be removed in pg@9.0.'
)

const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
)

function coerceNumberOrDefault(value, defaultValue) {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : defaultValue
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value)
    return Number.isFinite(n) ? n : defaultValue
  }
  return defaultValue
}

class Client extends EventEmitter {
  constructor(config) {
    super()

    this.connectionParameters = new ConnectionParameters(config)
    this.user = this.connectionParameters.user
    this.database = this.connectionParameters.database
    this.port = this.connectionParameters.port
    this.host = this.connectionParameters.host

    // "hiding" the password so it doesn't show up in stack traces
    // or if the client is console.logged
    Object.defineProperty(this, 'password', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: this.connectionParameters.password,
    })

    this.replication = this.connectionParameters.replication

    const c = config || {}

    if (c.Promise) {
      byoPromiseDeprecationNotice()
    }
    this._Promise = c.Promise || global.Promise
    this._types = new TypeOverrides(c.types)
    this._ending = false
    this._ended = false
    this._connecting = false
    this._connected = false
    this._connectionError = false
    this._queryable = true
    this._activeQuery = null
    this._txStatus = null

    this.enableChannelBinding = Boolean(c.enableChannelBinding) // set true to use SCRAM-SHA-256-PLUS when offered
    this.scramMaxIterations = coerceNumberOrDefault(c.scramMaxIterations, sasl.DEFAULT_MAX_SCRAM_ITERATIONS)
    this.connection =
      c.connection ||
      new Connection({
        stream: c.stream,
        ssl: this.connectionParameters.ssl,
        sslNegotiation: this.connectionParameters.sslnegotiation,
        keepAlive: c.keepAlive || false,
        keepAliveInitialDelayMillis: c.keepAliveInitialDelayMillis || 0,
        encoding: this.connectionParameters.client_encoding || 'utf8',
      })
    this._queryQueue = []
    this._sentQueryQueue = []
    this.pipeline = Boolean(c.pipeline)
    this.binary = c.binary || defaults.binary
    this.processID = null
    this.secretKey = null
    this.ssl = this.connectionParameters.ssl || false
    this.sslNegotiation = this.connectionParameters.sslnegotiation || 'postgres'
    // As with Password, make SSL->Key (the private key) non-enumerable.
    // It won't show up in stack traces
    // or if the client is console.logged
    if (this.ssl && this.ssl.key) {
      Object.defineProperty(this.ssl, 'key', {
        enumerable: false,
      })
    }

    this._connectionTimeoutMillis = c.connectionTimeoutMillis || 0
  }

  get activeQuery() {
    activeQueryDeprecationNotice()
    return this._activeQuery
  }

  set activeQuery(val) {
    activeQueryDeprecationNotice()
    this._activeQuery = val
  }

  _getActiveQuery() {
    return this._activeQuery
  }

  _errorAllQueries(err) {
    const enqueueError = (query) => {
      process.nextTick(() => {
        query.handleError(err, this.connection)
      })
    }

    const activeQuery = this._getActiveQuery()
    if (activeQuery) {
      enqueueError(activeQuery)
      this._activeQuery = null
    }

    this._sentQueryQueue.forEach(enqueueError)
    this._sentQueryQueue.length = 0

    this._queryQueue.forEach(enqueueError)
    this._queryQueue.length = 0
  }

  _connect(callback) {
    const self = this
    const con = this.connection
    this._connectionCallback = callback

    if (this._connecting || this._connected) {
      const err = new Error('Client has already been connected. You cannot reuse a client.')
      process.nextTick(() => {
        callback(err)
      })
      return
    }
    this._connecting = true

    if (this._connectionTimeoutMillis > 0) {
      this.connectionTimeoutHandle = setTimeout(() => {
        con._ending = true
        con.stream.destroy(new Error('timeout expired'))
      }, this._connectionTimeoutMillis)

      if (this.connectionTimeoutHandle.unref) {
        this.connectionTimeoutHandle.unref()
      }
    }

    if (this.host && this.host.indexOf('/') === 0) {
      con.connect(this.host + '/.s.PGSQL.' + this.port)
    } else {
      con.connect(this.port, this.host)
    }

    // once connection is established send startup message
    con.on('connect', function () {
      if (self.ssl) {
        // With direct SSL negotiation the connection upgrades to TLS without an
        // SSLRequest packet, so the startup message is sent after 'sslconnect'.
        if (self.sslNegotiation !== 'direct') {
          con.requestSsl()
        }
      } else {
        con.startup(self.getStartupConf())
      }
    })

    con.on('sslconnect', function () {
      con.startup(self.getStartupConf())
    })

    this._attachListeners(con)

    con.once('end', () => {
      const error = this._ending ? new Error('Connection terminated') : new Error('Connection terminated unexpectedly')

      clearTimeout(this.connectionTimeoutHandle)
      this._errorAllQueries(error)
      this._ended = true

      if (!this._ending) {
        // if the connection is ended without us calling .end()
        // on this client then we have an unexpected disconnection
        // treat this as an error unless we've already emitted an error
        // during connection.
        if (this._connecting && !this._connectionError) {
          if (this._connectionCallback) {
            this._connectionCallback(error)
          } else {
            this._handleErrorEvent(error)
          }
        } else if (!this._connectionError) {
          this._handleErrorEvent(error)
        }
      }

      process.nextTick(() => {
        this.emit('end')
      })
    })
  }

  connect(callback) {
    if (callback) {
      this._connect(callback)
      return
    }

    return new this._Promise((resolve, reject) => {
      this._connect((error) => {
        if (error) {
          reject(error)
        } else {
          resolve(this)
        }
      })
    })
  }

  _attachListeners(con) {
    // password request handling
    con.on('authenticationCleartextPassword', this._handleAuthCleartextPassword.bind(this))
    // password request handling
    con.on('authenticationMD5Password', this._handleAuthMD5Password.bind(this))
    // password request handling (SASL)
    con.on('authenticationSASL', this._handleAuthSASL.bind(this))
    con.on('authenticationSASLContinue', this._handleAuthSASLContinue.bind(this))
    con.on('authenticationSASLFinal', this._handleAuthSASLFinal.bind(this))
    con.on('backendKeyData', this._handleBackendKeyData.bind(this))
    con.on('error', this._handleErrorEvent.bind(this))
    con.on('errorMessage', this._handleErrorMessage.bind(this))
    con.on('readyForQuery', this._handleReadyForQuery.bind(this))
    con.on('notice', this._handleNotice.bind(this))
    con.on('rowDescription', this._handleRowDescription.bind(this))
    con.on('dataRow', this._handleDataRow.bind(this))
    con.on('portalSuspended', this._handlePortalSuspended.bind(this))
    con.on('emptyQuery', this._handleEmptyQuery.bind(this))
    con.on('commandComplete', this._handleCommandComplete.bind(this))
    con.on('parseComplete', this._handleParseComplete.bind(this))
    con.on('copyInResponse', this._handleCopyInResponse.bind(this))
    con.on('copyData', this._handleCopyData.bind(this))
    con.on('notification', this._handleNotification.bind(this))
  }

  _getPassword(cb) {
    const con = this.connection
    if (typeof this.password === 'function') {
      this._Promise
        .resolve()
        .then(() => this.password(this.connectionParameters))
        .then((pass) => {
          if (pass !== undefined) {
            if (typeof pass !== 'string') {
              con.emit('error', new TypeError('Password must be a string'))
              return
            }
            this.connectionParameters.password = this.password = pass
          } else {
            this.connectionParameters.password = this.password = null
          }
          cb()
        })
        .catch((err) => {
          con.emit('error', err)
        })
    } else if (this.password !== null) {
      cb()
    } else {
      try {
        const pgPass = __webpack_require__(3272)
        pgPass(this.connectionParameters, (pass) => {
          if (undefined !== pass) {
            pgPassDeprecationNotice()
            this.connectionParameters.password = this.password = pass
          }
          cb()
        })
      } catch (e) {
        this.emit('error', e)
      }
    }
  }

  _handleAuthCleartextPassword(msg) {
    this._getPassword(() => {
      this.connection.password(this.password)
    })
  }

  _handleAuthMD5Password(msg) {
    this._getPassword(async () => {
      try {
        const hashedPassword = await crypto.postgresMd5PasswordHash(this.user, this.password, msg.salt)
        this.connection.password(hashedPassword)
      } catch (e) {
        this.emit('error', e)
      }
    })
  }

  _handleAuthSASL(msg) {
    this._getPassword(() => {
      try {
        this.saslSession = sasl.startSession(
          msg.mechanisms,
          this.enableChannelBinding && this.connection.stream,
          this.scramMaxIterations
        )
        this.connection.sendSASLInitialResponseMessage(this.saslSession.mechanism, this.saslSession.response)
      } catch (err) {
        this.connection.emit('error', err)
      }
    })
  }

  async _handleAuthSASLContinue(msg) {
    try {
      await sasl.continueSession(
        this.saslSession,
        this.password,
        msg.data,
        this.enableChannelBinding && this.connection.stream
      )
      this.connection.sendSCRAMClientFinalMessage(this.saslSession.response)
    } catch (err) {
      this.connection.emit('error', err)
    }
  }

  _handleAuthSASLFinal(msg) {
    try {
      sasl.finalizeSession(this.saslSession, msg.data)
      this.saslSession = null
    } catch (err) {
      this.connection.emit('error', err)
    }
  }

  _handleBackendKeyData(msg) {
    this.processID = msg.processID
    this.secretKey = msg.secretKey
  }

  _handleReadyForQuery(msg) {
    if (this._connecting) {
      this._connecting = false
      this._connected = true
      clearTimeout(this.connectionTimeoutHandle)

      // process possible callback argument to Client#connect
      if (this._connectionCallback) {
        this._connectionCallback(null, this)
        // remove callback for proper error handling
        // after the connect event
        this._connectionCallback = null
      }
      this.emit('connect')
    }
    const activeQuery = this._getActiveQuery()
    this._activeQuery = null
    this._txStatus = msg?.status ?? null
    this.readyForQuery = true
    if (activeQuery) {
      activeQuery.handleReadyForQuery(this.connection)
    }
    this._pulseQueryQueue()
  }

  // if we receive an error event or error message
  // during the connection process we handle it here
  _handleErrorWhileConnecting(err) {
    if (this._connectionError) {
      // TODO(bmc): this is swallowing errors - we shouldn't do this
      return
    }
    this._connectionError = true
    clearTimeout(this.connectionTimeoutHandle)
    if (this._connectionCallback) {
      return this._connectionCallback(err)
    }
    this.emit('error', err)
  }

  // if we're connected and we receive an error event from the connection
  // this means the socket is dead - do a hard abort of all queries and emit
  // the socket error on the client as well
  _handleErrorEvent(err) {
    if (this._connecting) {
      return this._handleErrorWhileConnecting(err)
    }
    this._queryable = false
    this._errorAllQueries(err)
    this.emit('error', err)
  }

  // handle error messages from the postgres backend
  _handleErrorMessage(msg) {
    if (this._connecting) {
      return this._handleErrorWhileConnecting(msg)
    }
    const activeQuery = this._getActiveQuery()

    if (!activeQuery) {
      this._handleErrorEvent(msg)
      return
    }

    this._activeQuery = null
    if (activeQuery.name) {
      delete this.connection.submittedNamedStatements[activeQuery.name]
    }
    activeQuery.handleError(msg, this.connection)
  }

  _handleRowDescription(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected rowDescription message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate rowDescription to active query
    activeQuery.handleRowDescription(msg)
  }

  _handleDataRow(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected dataRow message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate dataRow to active query
    activeQuery.handleDataRow(msg)
  }

  _handlePortalSuspended(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected portalSuspended message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate portalSuspended to active query
    activeQuery.handlePortalSuspended(this.connection)
  }

  _handleEmptyQuery(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected emptyQuery message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate emptyQuery to active query
    activeQuery.handleEmptyQuery(this.connection)
  }

  _handleCommandComplete(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected commandComplete message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // delegate commandComplete to active query
    activeQuery.handleCommandComplete(msg, this.connection)
  }

  _handleParseComplete() {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected parseComplete message from backend.')
      this._handleErrorEvent(error)
      return
    }
    // if a prepared statement has a name and properly parses
    // we track that its already been executed so we don't parse
    // it again on the same client
    if (activeQuery.name) {
      this.connection.parsedStatements[activeQuery.name] = activeQuery.text
      delete this.connection.submittedNamedStatements[activeQuery.name]
    }
  }

  _handleCopyInResponse(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected copyInResponse message from backend.')
      this._handleErrorEvent(error)
      return
    }
    activeQuery.handleCopyInResponse(this.connection)
  }

  _handleCopyData(msg) {
    const activeQuery = this._getActiveQuery()
    if (activeQuery == null) {
      const error = new Error('Received unexpected copyData message from backend.')
      this._handleErrorEvent(error)
      return
    }
    activeQuery.handleCopyData(msg, this.connection)
  }

  _handleNotification(msg) {
    this.emit('notification', msg)
  }

  _handleNotice(msg) {
    this.emit('notice', msg)
  }

  getStartupConf() {
    const params = this.connectionParameters

    const data = {
      user: params.user,
      database: params.database,
    }

    const appName = params.application_name || params.fallback_application_name
    if (appName) {
      data.application_name = appName
    }
    if (params.replication) {
      data.replication = '' + params.replication
    }
    if (params.statement_timeout) {
      data.statement_timeout = String(parseInt(params.statement_timeout, 10))
    }
    if (params.lock_timeout) {
      data.lock_timeout = String(parseInt(params.lock_timeout, 10))
    }
    if (params.idle_in_transaction_session_timeout) {
      data.idle_in_transaction_session_timeout = String(parseInt(params.idle_in_transaction_session_timeout, 10))
    }
    if (params.options) {
      data.options = params.options
    }

    return data
  }

  cancel(client, query) {
    if (client.activeQuery === query) {
      const con = this.connection

      if (this.host && this.host.indexOf('/') === 0) {
        con.connect(this.host + '/.s.PGSQL.' + this.port)
      } else {
        con.connect(this.port, this.host)
      }

      // once connection is established send cancel message
      con.on('connect', function () {
        con.cancel(client.processID, client.secretKey)
      })
    } else if (client._queryQueue.indexOf(query) !== -1) {
      client._queryQueue.splice(client._queryQueue.indexOf(query), 1)
    } else if (client._sentQueryQueue.indexOf(query) !== -1) {
      // Query already sent on wire — can't remove it without corrupting the
      // pipeline. No-op the callback so the result is silently discarded.
      query.callback = () => {}
    }
  }

  setTypeParser(oid, format, parseFn) {
    return this._types.setTypeParser(oid, format, parseFn)
  }

  getTypeParser(oid, format) {
    return this._types.getTypeParser(oid, format)
  }

  // escapeIdentifier and escapeLiteral moved to utility functions & exported
  // on PG
  // re-exported here for backwards compatibility
  escapeIdentifier(str) {
    return utils.escapeIdentifier(str)
  }

  escapeLiteral(str) {
    return utils.escapeLiteral(str)
  }

  _pulseQueryQueue() {
    if (this.pipeline) {
      this._pulsePipelinedQueryQueue()
      return
    }
    if (this.readyForQuery === true) {
      this._activeQuery = this._queryQueue.shift()
      const activeQuery = this._getActiveQuery()
      if (activeQuery) {
        this.readyForQuery = false
        this.hasExecuted = true

        const queryError = activeQuery.submit(this.connection)
        if (queryError) {
          process.nextTick(() => {
            activeQuery.handleError(queryError, this.connection)
            this.readyForQuery = true
            this._pulseQueryQueue()
          })
        }
      } else if (this.hasExecuted) {
        this._activeQuery = null
        this.emit('drain')
      }
    }
  }

  _pulsePipelinedQueryQueue() {
    if (!this._connected || !this._queryable) {
      return
    }
    while (this._queryQueue.length > 0) {
      const query = this._queryQueue.shift()
      this.hasExecuted = true
      const queryError = query.submit(this.connection)
      if (queryError) {
        process.nextTick(() => {
          query.handleError(queryError, this.connection)
        })
        continue
      }
      this._sentQueryQueue.push(query)
    }
    if (this.readyForQuery && !this._activeQuery && this._sentQueryQueue.length > 0) {
      this._activeQuery = this._sentQueryQueue.shift()
      this.readyForQuery = false
    }
    if (!this._activeQuery && this._sentQueryQueue.length === 0 && this._queryQueue.length === 0 && this.hasExecuted) {
      this.emit('drain')
    }
  }

  query(config, values, callback) {
    // can take in strings, config object or query object
    let query
    let result

    if (config == null) {
      throw new TypeError('Client was passed a null or undefined query')
    }

    if (typeof config.submit === 'function') {
      result = query = config
      if (!query.callback) {
        if (typeof values === 'function') {
          query.callback = values
        } else if (callback) {
          query.callback = callback
        }
      }
    } else {
      query = new Query(config, values, callback)
      if (!query.callback) {
        result = new this._Promise((resolve, reject) => {
          query.callback = (err, res) => (err ? reject(err) : resolve(res))
        }).catch((err) => {
          // replace the stack trace that leads to `TCP.onStreamRead` with one that leads back to the
          // application that created the query
          Error.captureStackTrace(err)
          throw err
        })
      } else if (typeof query.callback !== 'function') {
        throw new TypeError('callback is not a function')
      }
    }

    const readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    if (readTimeout) {
      const queryCallback = query.callback || (() => {})

      const readTimeoutTimer = setTimeout(() => {
        const error = new Error('Query read timeout')

        process.nextTick(() => {
          query.handleError(error, this.connection)
        })

        queryCallback(error)

        // we already returned an error,
        // just do nothing if query completes
        query.callback = () => {}

        // Remove from queue (only safe if not yet sent)
        const index = this._queryQueue.indexOf(query)
        if (index > -1) {
          this._queryQueue.splice(index, 1)
        } else if (this.pipeline) {
          // Query already sent — the pipeline is blocked until it completes.
          // Destroy the connection to unblock all remaining pipelined queries.
          this.connection.stream.destroy()
          return
        }

        this._pulseQueryQueue()
      }, readTimeout)

      query.callback = (err, res) => {
        clearTimeout(readTimeoutTimer)
        queryCallback(err, res)
      }
    }

    if (this.binary && !query.binary) {
      query.binary = true
    }

    if (query._result && !query._result._types) {
      query._result._types = this._types
    }

    // A query that keeps a portal open across round trips cannot share a pipelined connection: the
    // queries written behind it are answered out of its portal, so rows land on the wrong query and
    // the reads that follow fail with 'portal does not exist'. Refuse it instead of corrupting.
    if (this.pipeline) {
      const portalQuery =
        typeof config.submit === 'function' && !(query instanceof Query)
          ? 'Custom query classes such as pg-cursor and pg-query-stream are'
          : query.rows
          ? 'The `rows` option is'
          : null
      if (portalQuery) {
        process.nextTick(() => {
          query.handleError(new Error(`${portalQuery} not supported in pipeline mode`), this.connection)
        })
        return result
      }
    }

    if (!this._queryable) {
      process.nextTick(() => {
        query.handleError(new Error('Client has encountered a connection error and is not queryable'), this.connection)
      })
      return result
    }

    if (this._ending) {
      process.nextTick(() => {
        query.handleError(new Error('Client was closed and is not queryable'), this.connection)
      })
      return result
    }

    if (this._queryQueue.length > 0 && !this.pipeline) {
      queryQueueLengthDeprecationNotice()
    }
    this._queryQueue.push(query)
    this._pulseQueryQueue()
    return result
  }

  ref() {
    this.connection.ref()
  }

  unref() {
    this.connection.unref()
  }

  getTransactionStatus() {
    return this._txStatus
  }

  end(cb) {
    this._ending = true

    // if we have never connected, then end is a noop, callback immediately
    if (!this.connection._connecting || this._ended) {
      if (cb) {
        cb()
        return
      } else {
        return this._Promise.resolve()
      }
    }

    if (!this._queryable) {
      // socket is dead — force close
      this.connection.stream.destroy()
    } else if (
      this.pipeline &&
      (this._getActiveQuery() || this._sentQueryQueue.length > 0 || this._queryQueue.length > 0)
    ) {
      // pipelined queries are already on the wire (or queued to send) and will
      // complete normally; wait for drain then do a graceful goodbye
      this.once('drain', () => this.connection.end())
    } else if (this._getActiveQuery()) {
      // non-pipeline: a hung query could block end forever — force disconnect
      this.connection.stream.destroy()
    } else {
      this.connection.end()
    }

    if (cb) {
      this.connection.once('end', cb)
    } else {
      return new this._Promise((resolve) => {
        this.connection.once('end', resolve)
      })
    }
  }
  get queryQueue() {
    queryQueueDeprecationNotice()
    return this._queryQueue
  }
}

// expose a Query constructor
Client.Query = Query

module.exports = Client


/***/ }),

/***/ 646:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const dns = __webpack_require__(2250)

const defaults = __webpack_require__(8995)

const parse = (__webpack_require__(6122).parse) // parses a connection string

const val = function (key, config, envVar) {
  if (config[key]) {
    return config[key]
  }

  if (envVar === undefined) {
    envVar = process.env['PG' + key.toUpperCase()]
  } else if (envVar === false) {
    // do nothing ... use false
  } else {
    envVar = process.env[envVar]
  }

  return envVar || defaults[key]
}

const readSSLConfigFromEnvironment = function () {
  switch (process.env.PGSSLMODE) {
    case 'disable':
      return false
    case 'prefer':
    case 'require':
    case 'verify-ca':
    case 'verify-full':
      return true
    case 'no-verify':
      return { rejectUnauthorized: false }
  }
  return defaults.ssl
}

// Convert arg to a string, surround in single quotes, and escape single quotes and backslashes
const quoteParamValue = function (value) {
  return "'" + ('' + value).replace(/\\/g, '\\\\').replace(/'/g, "\\'") + "'"
}

const add = function (params, config, paramName) {
  const value = config[paramName]
  if (value !== undefined && value !== null) {
    params.push(paramName + '=' + quoteParamValue(value))
  }
}

class ConnectionParameters {
  constructor(config) {
    // if a string is passed, it is a raw connection string so we parse it into a config
    config = typeof config === 'string' ? parse(config) : config || {}

    // if the config has a connectionString defined, parse IT into the config we use
    // this will override other default values with what is stored in connectionString
    if (config.connectionString) {
      config = Object.assign({}, config, parse(config.connectionString))
    }

    this.user = val('user', config)
    this.database = val('database', config)

    if (this.database === undefined) {
      this.database = this.user
    }

    this.port = parseInt(val('port', config), 10)
    this.host = val('host', config)

    // "hiding" the password so it doesn't show up in stack traces
    // or if the client is console.logged
    Object.defineProperty(this, 'password', {
      configurable: true,
      enumerable: false,
      writable: true,
      value: val('password', config),
    })

    this.binary = val('binary', config)
    this.options = val('options', config)

    this.ssl = typeof config.ssl === 'undefined' ? readSSLConfigFromEnvironment() : config.ssl

    if (typeof this.ssl === 'string') {
      if (this.ssl === 'true') {
        this.ssl = true
      }
    }
    // support passing in ssl=no-verify via connection string
    if (this.ssl === 'no-verify') {
      this.ssl = { rejectUnauthorized: false }
    }
    if (this.ssl && this.ssl.key) {
      Object.defineProperty(this.ssl, 'key', {
        enumerable: false,
      })
    }

    // How to negotiate SSL: 'postgres' (default, the traditional SSLRequest
    // handshake) or 'direct' (start the TLS handshake immediately on connect).
    this.sslnegotiation = val('sslnegotiation', config, 'PGSSLNEGOTIATION')
    if (this.sslnegotiation !== undefined && this.sslnegotiation !== 'postgres' && this.sslnegotiation !== 'direct') {
      throw new Error(
        `Invalid sslnegotiation value: "${this.sslnegotiation}". Valid values are "postgres" and "direct".`
      )
    }
    if (this.sslnegotiation === 'direct' && !this.ssl) {
      throw new Error('sslnegotiation=direct requires SSL to be enabled')
    }

    this.client_encoding = val('client_encoding', config)
    this.replication = val('replication', config)
    // a domain socket begins with '/'
    this.isDomainSocket = !(this.host || '').indexOf('/')

    this.application_name = val('application_name', config, 'PGAPPNAME')
    this.fallback_application_name = val('fallback_application_name', config, false)
    this.statement_timeout = val('statement_timeout', config, false)
    this.lock_timeout = val('lock_timeout', config, false)
    this.idle_in_transaction_session_timeout = val('idle_in_transaction_session_timeout', config, false)
    this.query_timeout = val('query_timeout', config, false)

    if (config.connectionTimeoutMillis === undefined) {
      this.connect_timeout = process.env.PGCONNECT_TIMEOUT || 0
    } else {
      this.connect_timeout = Math.floor(config.connectionTimeoutMillis / 1000)
    }

    if (config.keepAlive === false) {
      this.keepalives = 0
    } else if (config.keepAlive === true) {
      this.keepalives = 1
    }

    if (typeof config.keepAliveInitialDelayMillis === 'number') {
      this.keepalives_idle = Math.floor(config.keepAliveInitialDelayMillis / 1000)
    }
  }

  getLibpqConnectionString(cb) {
    const params = []
    add(params, this, 'user')
    add(params, this, 'password')
    add(params, this, 'port')
    add(params, this, 'application_name')
    add(params, this, 'fallback_application_name')
    add(params, this, 'connect_timeout')
    add(params, this, 'options')

    const ssl = typeof this.ssl === 'object' ? this.ssl : this.ssl ? { sslmode: this.ssl } : {}
    add(params, ssl, 'sslmode')
    add(params, ssl, 'sslca')
    add(params, ssl, 'sslkey')
    add(params, ssl, 'sslcert')
    add(params, ssl, 'sslrootcert')
    add(params, this, 'sslnegotiation')

    if (this.database) {
      params.push('dbname=' + quoteParamValue(this.database))
    }
    if (this.replication) {
      params.push('replication=' + quoteParamValue(this.replication))
    }
    if (this.host) {
      params.push('host=' + quoteParamValue(this.host))
    }
    if (this.isDomainSocket) {
      return cb(null, params.join(' '))
    }
    if (this.client_encoding) {
      params.push('client_encoding=' + quoteParamValue(this.client_encoding))
    }
    dns.lookup(this.host, function (err, address) {
      if (err) return cb(err, null)
      params.push('hostaddr=' + quoteParamValue(address))
      return cb(null, params.join(' '))
    })
  }
}

module.exports = ConnectionParameters


/***/ }),

/***/ 9809:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const EventEmitter = (__webpack_require__(4434).EventEmitter)

const { parse, serialize } = __webpack_require__(4233)
const stream = __webpack_require__(829)
const { getStream } = stream

const flushBuffer = serialize.flush()
const syncBuffer = serialize.sync()
const endBuffer = serialize.end()

// TODO(bmc) support binary mode at some point
class Connection extends EventEmitter {
  constructor(config) {
    super()
    config = config || {}

    this.stream = config.stream || getStream(config.ssl)
    if (typeof this.stream === 'function') {
      this.stream = this.stream(config)
    }

    this._keepAlive = config.keepAlive
    this._keepAliveInitialDelayMillis = config.keepAliveInitialDelayMillis
    this.parsedStatements = {}
    this.submittedNamedStatements = {}
    this.ssl = config.ssl || false
    this.sslNegotiation = config.sslNegotiation || 'postgres'
    this._ending = false
    this._emitMessage = false
    const self = this
    this.on('newListener', function (eventName) {
      if (eventName === 'message') {
        self._emitMessage = true
      }
    })
  }

  connect(port, host) {
    const self = this

    this._connecting = true
    this.stream.setNoDelay(true)
    this.stream.connect(port, host)

    this.stream.once('connect', function () {
      if (self._keepAlive) {
        self.stream.setKeepAlive(true, self._keepAliveInitialDelayMillis)
      }
      self.emit('connect')
    })

    const reportStreamError = function (error) {
      // errors about disconnections should be ignored during disconnect
      if (self._ending && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) {
        return
      }
      self.emit('error', error)
    }
    this.stream.on('error', reportStreamError)

    this.stream.on('close', function () {
      self.emit('end')
    })

    if (!this.ssl) {
      return this.attachListeners(this.stream)
    }

    // With direct SSL negotiation the TLS handshake starts immediately on the
    // raw socket, skipping the SSLRequest packet and the server's 'S'/'N' reply.
    if (this.sslNegotiation === 'direct') {
      return this.stream.once('connect', function () {
        self.upgradeToSSL(host, reportStreamError)
      })
    }

    this.stream.once('data', function (buffer) {
      const responseCode = buffer.toString('utf8')
      switch (responseCode) {
        case 'S': // Server supports SSL connections, continue with a secure connection
          break
        case 'N': // Server does not support SSL connections
          self.stream.end()
          return self.emit('error', new Error('The server does not support SSL connections'))
        default:
          // Any other response byte, including 'E' (ErrorResponse) indicating a server error
          self.stream.end()
          return self.emit('error', new Error('There was an error establishing an SSL connection'))
      }
      self.upgradeToSSL(host, reportStreamError)
    })
  }

  upgradeToSSL(host, reportStreamError) {
    const self = this
    const options = {
      socket: self.stream,
      // tls.connect checks the server identity against `servername`, falling
      // back to `host` and then to 'localhost'. `servername` must stay unset
      // for IP addresses (see below), so `host` is needed to keep certificate
      // validation working when connecting to an IP address.
      host,
    }

    if (self.ssl !== true) {
      Object.assign(options, self.ssl)

      if ('key' in self.ssl) {
        options.key = self.ssl.key
      }
    }

    // Direct SSL negotiation requires ALPN so the server can confirm it is
    // speaking the PostgreSQL protocol over the TLS connection.
    if (self.sslNegotiation === 'direct') {
      options.ALPNProtocols = ['postgresql']
    }

    // SNI must not be set to an IP address (RFC 6066 section 3)
    const net = __webpack_require__(9278)
    if (net.isIP && net.isIP(host) === 0) {
      options.servername = host
    }
    try {
      self.stream = stream.getSecureStream(options)
    } catch (err) {
      return self.emit('error', err)
    }
    self.attachListeners(self.stream)
    self.stream.on('error', reportStreamError)

    self.emit('sslconnect')
  }

  attachListeners(stream) {
    parse(stream, (msg) => {
      const eventName = msg.name === 'error' ? 'errorMessage' : msg.name
      if (this._emitMessage) {
        this.emit('message', msg)
      }
      this.emit(eventName, msg)
    })
  }

  requestSsl() {
    this.stream.write(serialize.requestSsl())
  }

  startup(config) {
    this.stream.write(serialize.startup(config))
  }

  cancel(processID, secretKey) {
    this._send(serialize.cancel(processID, secretKey))
  }

  password(password) {
    this._send(serialize.password(password))
  }

  sendSASLInitialResponseMessage(mechanism, initialResponse) {
    this._send(serialize.sendSASLInitialResponseMessage(mechanism, initialResponse))
  }

  sendSCRAMClientFinalMessage(additionalData) {
    this._send(serialize.sendSCRAMClientFinalMessage(additionalData))
  }

  _send(buffer) {
    if (!this.stream.writable) {
      return false
    }
    return this.stream.write(buffer)
  }

  query(text) {
    this._send(serialize.query(text))
  }

  // send parse message
  parse(query) {
    this._send(serialize.parse(query))
  }

  // send bind message
  bind(config) {
    this._send(serialize.bind(config))
  }

  // send execute message
  execute(config) {
    this._send(serialize.execute(config))
  }

  flush() {
    if (this.stream.writable) {
      this.stream.write(flushBuffer)
    }
  }

  sync() {
    // Sync is the extended-query protocol barrier, not a disconnect.
    // Only end()/Terminate (and connect-timeout teardown) should set _ending.
    this._send(syncBuffer)
  }

  ref() {
    this.stream.ref()
  }

  unref() {
    this.stream.unref()
  }

  end() {
    // 0x58 = 'X'
    this._ending = true
    if (!this._connecting || !this.stream.writable) {
      this.stream.end()
      return
    }
    return this.stream.write(endBuffer, () => {
      this.stream.end()
    })
  }

  close(msg) {
    this._send(serialize.close(msg))
  }

  describe(msg) {
    this._send(serialize.describe(msg))
  }

  sendCopyFromChunk(chunk) {
    this._send(serialize.copyData(chunk))
  }

  endCopyFrom() {
    this._send(serialize.copyDone())
  }

  sendCopyFail(msg) {
    this._send(serialize.copyFail(msg))
  }
}

module.exports = Connection


/***/ }),

/***/ 9765:
/***/ ((module) => {

function x509Error(msg, cert) {
  return new Error('SASL channel binding: ' + msg + ' when parsing public certificate ' + cert.toString('base64'))
}

function readASN1Length(data, index) {
  let length = data[index++]
  if (length < 0x80) return { length, index }

  const lengthBytes = length & 0x7f
  if (lengthBytes > 4) throw x509Error('bad length', data)

  length = 0
  for (let i = 0; i < lengthBytes; i++) {
    length = (length << 8) | data[index++]
  }

  return { length, index }
}

function readASN1OID(data, index) {
  if (data[index++] !== 0x6) throw x509Error('non-OID data', data) // 6 = OID

  const { length: OIDLength, index: indexAfterOIDLength } = readASN1Length(data, index)
  index = indexAfterOIDLength
  const lastIndex = index + OIDLength

  const byte1 = data[index++]
  let oid = ((byte1 / 40) >> 0) + '.' + (byte1 % 40)

  while (index < lastIndex) {
    // loop over numbers in OID
    let value = 0
    while (index < lastIndex) {
      // loop over bytes in number
      const nextByte = data[index++]
      value = (value << 7) | (nextByte & 0x7f)
      if (nextByte < 0x80) break
    }
    oid += '.' + value
  }

  return { oid, index }
}

function expectASN1Seq(data, index) {
  if (data[index++] !== 0x30) throw x509Error('non-sequence data', data) // 30 = Sequence
  return readASN1Length(data, index)
}

function signatureAlgorithmHashFromCertificate(data, index) {
  // read this thread: https://www.postgresql.org/message-id/17760-b6c61e752ec07060%40postgresql.org
  if (index === undefined) index = 0
  index = expectASN1Seq(data, index).index
  const { length: certInfoLength, index: indexAfterCertInfoLength } = expectASN1Seq(data, index)
  index = indexAfterCertInfoLength + certInfoLength // skip over certificate info
  index = expectASN1Seq(data, index).index // skip over signature length field
  const { oid, index: indexAfterOID } = readASN1OID(data, index)
  switch (oid) {
    // RSA
    case '1.2.840.113549.1.1.4':
      return 'MD5'
    case '1.2.840.113549.1.1.5':
      return 'SHA-1'
    case '1.2.840.113549.1.1.11':
      return 'SHA-256'
    case '1.2.840.113549.1.1.12':
      return 'SHA-384'
    case '1.2.840.113549.1.1.13':
      return 'SHA-512'
    case '1.2.840.113549.1.1.14':
      return 'SHA-224'
    case '1.2.840.113549.1.1.15':
      return 'SHA512-224'
    case '1.2.840.113549.1.1.16':
      return 'SHA512-256'
    // ECDSA
    case '1.2.840.10045.4.1':
      return 'SHA-1'
    case '1.2.840.10045.4.3.1':
      return 'SHA-224'
    case '1.2.840.10045.4.3.2':
      return 'SHA-256'
    case '1.2.840.10045.4.3.3':
      return 'SHA-384'
    case '1.2.840.10045.4.3.4':
      return 'SHA-512'
    // RSASSA-PSS: hash is indicated separately
    case '1.2.840.113549.1.1.10': {
      index = indexAfterOID
      index = expectASN1Seq(data, index).index
      if (data[index++] !== 0xa0) throw x509Error('non-tag data', data) // a0 = constructed tag 0
      index = readASN1Length(data, index).index // skip over tag length field
      index = expectASN1Seq(data, index).index // skip over sequence length field
      const { oid: hashOID } = readASN1OID(data, index)
      switch (hashOID) {
        // standalone hash OIDs
        case '1.2.840.113549.2.5':
          return 'MD5'
        case '1.3.14.3.2.26':
          return 'SHA-1'
        case '2.16.840.1.101.3.4.2.1':
          return 'SHA-256'
        case '2.16.840.1.101.3.4.2.2':
          return 'SHA-384'
        case '2.16.840.1.101.3.4.2.3':
          return 'SHA-512'
      }
      throw x509Error('unknown hash OID ' + hashOID, data)
    }
    // Ed25519 -- see https://github.com/openssl/openssl/issues/15477
    case '1.3.101.110':
    case '1.3.101.112': // ph
      return 'SHA-512'
    // Ed448 -- still not in pg 17.2 (if supported, digest would be SHAKE256 x 64 bytes)
    case '1.3.101.111':
    case '1.3.101.113': // ph
      throw x509Error('Ed448 certificate channel binding is not currently supported by Postgres')
  }
  throw x509Error('unknown OID ' + oid, data)
}

module.exports = { signatureAlgorithmHashFromCertificate }


/***/ }),

/***/ 948:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


const crypto = __webpack_require__(4150)
const { signatureAlgorithmHashFromCertificate } = __webpack_require__(9765)

// SASLprep (RFC 4013) — minimal in-tree implementation.
//
// Per RFC 5802 §2.2, the SCRAM-SHA-256 client must normalize the password via
// SASLprep before feeding it into PBKDF2. PostgreSQL's server applies the same
// SASLprep when computing the stored verifier, and libpq does the same client
// side, so passwords whose NFKC form differs from the raw form
// would otherwise authenticate against psql/libpq but fail against pg with `28P01`.
//
// We deliberately implement only the three steps that change the byte content:
//   1. RFC 3454 Table C.1.2 (non-ASCII space) → U+0020 SPACE.
//   2. RFC 3454 Table B.1 (commonly mapped to nothing) → empty.
//   3. NFKC normalization.
// We skip the prohibition (RFC 4013 §2.3) and bidi (RFC 3454 §6) checks.
// libpq is forgiving on those paths and Postgres's own SASLprep matches that
// leniency for legacy roles, so omitting the rejection logic keeps existing
// roles working without adding complexity.
function saslprep(password) {
  // RFC 3454 Table C.1.2 — non-ASCII space characters, mapped to U+0020.
  const nonAsciiSpace = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g
  // RFC 3454 Table B.1 — "commonly mapped to nothing". The set intentionally
  // contains zero-width joiners and variation selectors — the very characters
  // ESLint's no-misleading-character-class warns about — because they combine
  // with their neighbors and the RFC strips them for that reason.
  // eslint-disable-next-line no-misleading-character-class
  const mappedToNothing = /[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g
  return password.replace(nonAsciiSpace, ' ').replace(mappedToNothing, '').normalize('NFKC')
}

const DEFAULT_MAX_SCRAM_ITERATIONS = 100000

function startSession(mechanisms, stream, scramMaxIterations = DEFAULT_MAX_SCRAM_ITERATIONS) {
  const candidates = ['SCRAM-SHA-256']
  if (stream) candidates.unshift('SCRAM-SHA-256-PLUS') // higher-priority, so placed first

  const mechanism = candidates.find((candidate) => mechanisms.includes(candidate))

  if (!mechanism) {
    throw new Error('SASL: Only mechanism(s) ' + candidates.join(' and ') + ' are supported')
  }

  if (mechanism === 'SCRAM-SHA-256-PLUS' && typeof stream.getPeerCertificate !== 'function') {
    // this should never happen if we are really talking to a Postgres server
    throw new Error('SASL: Mechanism SCRAM-SHA-256-PLUS requires a certificate')
  }

  const clientNonce = crypto.randomBytes(18).toString('base64')
  const gs2Header = mechanism === 'SCRAM-SHA-256-PLUS' ? 'p=tls-server-end-point' : stream ? 'y' : 'n'

  return {
    mechanism,
    clientNonce,
    response: gs2Header + ',,n=*,r=' + clientNonce,
    message: 'SASLInitialResponse',
    scramMaxIterations,
  }
}

async function continueSession(session, password, serverData, stream) {
  if (session.message !== 'SASLInitialResponse') {
    throw new Error('SASL: Last message was not SASLInitialResponse')
  }
  if (typeof password !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string')
  }
  if (password === '') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string')
  }
  if (typeof serverData !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: serverData must be a string')
  }

  const sv = parseServerFirstMessage(serverData)

  if (!sv.nonce.startsWith(session.clientNonce)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce does not start with client nonce')
  } else if (sv.nonce.length === session.clientNonce.length) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: server nonce is too short')
  }

  const scramMaxIterations =
    typeof session.scramMaxIterations === 'number' ? session.scramMaxIterations : DEFAULT_MAX_SCRAM_ITERATIONS
  // a value of 0 disables the iteration count check
  if (scramMaxIterations !== 0 && sv.iteration > scramMaxIterations) {
    throw new Error(
      'SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration count ' +
        sv.iteration +
        ' exceeds scramMaxIterations of ' +
        scramMaxIterations
    )
  }

  const clientFirstMessageBare = 'n=*,r=' + session.clientNonce
  const serverFirstMessage = 'r=' + sv.nonce + ',s=' + sv.salt + ',i=' + sv.iteration

  // without channel binding:
  let channelBinding = stream ? 'eSws' : 'biws' // 'y,,' or 'n,,', base64-encoded

  // override if channel binding is in use:
  if (session.mechanism === 'SCRAM-SHA-256-PLUS') {
    const peerCert = stream.getPeerCertificate().raw
    let hashName = signatureAlgorithmHashFromCertificate(peerCert)
    if (hashName === 'MD5' || hashName === 'SHA-1') hashName = 'SHA-256'
    const certHash = await crypto.hashByName(hashName, peerCert)
    const bindingData = Buffer.concat([Buffer.from('p=tls-server-end-point,,'), Buffer.from(certHash)])
    channelBinding = bindingData.toString('base64')
  }

  const clientFinalMessageWithoutProof = 'c=' + channelBinding + ',r=' + sv.nonce
  const authMessage = clientFirstMessageBare + ',' + serverFirstMessage + ',' + clientFinalMessageWithoutProof

  const saltBytes = Buffer.from(sv.salt, 'base64')
  const saltedPassword = await crypto.deriveKey(saslprep(password), saltBytes, sv.iteration)
  const clientKey = await crypto.hmacSha256(saltedPassword, 'Client Key')
  const storedKey = await crypto.sha256(clientKey)
  const clientSignature = await crypto.hmacSha256(storedKey, authMessage)
  const clientProof = xorBuffers(Buffer.from(clientKey), Buffer.from(clientSignature)).toString('base64')
  const serverKey = await crypto.hmacSha256(saltedPassword, 'Server Key')
  const serverSignatureBytes = await crypto.hmacSha256(serverKey, authMessage)

  session.message = 'SASLResponse'
  session.serverSignature = Buffer.from(serverSignatureBytes).toString('base64')
  session.response = clientFinalMessageWithoutProof + ',p=' + clientProof
}

function finalizeSession(session, serverData) {
  if (session.message !== 'SASLResponse') {
    throw new Error('SASL: Last message was not SASLResponse')
  }
  if (typeof serverData !== 'string') {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: serverData must be a string')
  }

  const { serverSignature } = parseServerFinalMessage(serverData)

  if (serverSignature !== session.serverSignature) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature does not match')
  }
}

/**
 * printable       = %x21-2B / %x2D-7E
 *                   ;; Printable ASCII except ",".
 *                   ;; Note that any "printable" is also
 *                   ;; a valid "value".
 */
function isPrintableChars(text) {
  if (typeof text !== 'string') {
    throw new TypeError('SASL: text must be a string')
  }
  return text
    .split('')
    .map((_, i) => text.charCodeAt(i))
    .every((c) => (c >= 0x21 && c <= 0x2b) || (c >= 0x2d && c <= 0x7e))
}

/**
 * base64-char     = ALPHA / DIGIT / "/" / "+"
 *
 * base64-4        = 4base64-char
 *
 * base64-3        = 3base64-char "="
 *
 * base64-2        = 2base64-char "=="
 *
 * base64          = *base64-4 [base64-3 / base64-2]
 */
function isBase64(text) {
  return /^(?:[a-zA-Z0-9+/]{4})*(?:[a-zA-Z0-9+/]{2}==|[a-zA-Z0-9+/]{3}=)?$/.test(text)
}

function parseAttributePairs(text) {
  if (typeof text !== 'string') {
    throw new TypeError('SASL: attribute pairs text must be a string')
  }

  return new Map(
    text.split(',').map((attrValue) => {
      if (!/^.=/.test(attrValue)) {
        throw new Error('SASL: Invalid attribute pair entry')
      }
      const name = attrValue[0]
      const value = attrValue.substring(2)
      return [name, value]
    })
  )
}

function parseServerFirstMessage(data) {
  const attrPairs = parseAttributePairs(data)

  const nonce = attrPairs.get('r')
  if (!nonce) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce missing')
  } else if (!isPrintableChars(nonce)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: nonce must only contain printable characters')
  }
  const salt = attrPairs.get('s')
  if (!salt) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt missing')
  } else if (!isBase64(salt)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: salt must be base64')
  }
  const iterationText = attrPairs.get('i')
  if (!iterationText) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: iteration missing')
  } else if (!/^[1-9][0-9]*$/.test(iterationText)) {
    throw new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: invalid iteration count')
  }
  const iteration = parseInt(iterationText, 10)

  return {
    nonce,
    salt,
    iteration,
  }
}

function parseServerFinalMessage(serverData) {
  const attrPairs = parseAttributePairs(serverData)
  const error = attrPairs.get('e')
  const serverSignature = attrPairs.get('v')

  if (error) {
    throw new Error(`SASL: SCRAM-SERVER-FINAL-MESSAGE: server returned error: "${error}"`)
  }

  if (!serverSignature) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature is missing')
  } else if (!isBase64(serverSignature)) {
    throw new Error('SASL: SCRAM-SERVER-FINAL-MESSAGE: server signature must be base64')
  }
  return {
    serverSignature,
  }
}

function xorBuffers(a, b) {
  if (!Buffer.isBuffer(a)) {
    throw new TypeError('first argument must be a Buffer')
  }
  if (!Buffer.isBuffer(b)) {
    throw new TypeError('second argument must be a Buffer')
  }
  if (a.length !== b.length) {
    throw new Error('Buffer lengths must match')
  }
  if (a.length === 0) {
    throw new Error('Buffers cannot be empty')
  }
  return Buffer.from(a.map((_, i) => a[i] ^ b[i]))
}

module.exports = {
  startSession,
  continueSession,
  finalizeSession,
  DEFAULT_MAX_SCRAM_ITERATIONS,
}


/***/ }),

/***/ 4150:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const nodeCrypto = __webpack_require__(6982)

module.exports = {
  postgresMd5PasswordHash,
  randomBytes,
  deriveKey,
  sha256,
  hashByName,
  hmacSha256,
  md5,
}

/**
 * The Web Crypto API - grabbed from the Node.js library or the global
 * @type Crypto
 */
// eslint-disable-next-line no-undef
const webCrypto = nodeCrypto.webcrypto || globalThis.crypto
/**
 * The SubtleCrypto API for low level crypto operations.
 * @type SubtleCrypto
 */
const subtleCrypto = webCrypto.subtle
const textEncoder = new TextEncoder()

/**
 *
 * @param {*} length
 * @returns
 */
function randomBytes(length) {
  return webCrypto.getRandomValues(Buffer.alloc(length))
}

async function md5(string) {
  try {
    return nodeCrypto.createHash('md5').update(string, 'utf-8').digest('hex')
  } catch (e) {
    // `createHash()` failed so we are probably not in Node.js, use the WebCrypto API instead.
    // Note that the MD5 algorithm on WebCrypto is not available in Node.js.
    // This is why we cannot just use WebCrypto in all environments.
    const data = typeof string === 'string' ? textEncoder.encode(string) : string
    const hash = await subtleCrypto.digest('MD5', data)
    return Array.from(new Uint8Array(hash))
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
  }
}

// See AuthenticationMD5Password at https://www.postgresql.org/docs/current/static/protocol-flow.html
async function postgresMd5PasswordHash(user, password, salt) {
  const inner = await md5(password + user)
  const outer = await md5(Buffer.concat([Buffer.from(inner), salt]))
  return 'md5' + outer
}

/**
 * Create a SHA-256 digest of the given data
 * @param {Buffer} data
 */
async function sha256(text) {
  return await subtleCrypto.digest('SHA-256', text)
}

async function hashByName(hashName, text) {
  return await subtleCrypto.digest(hashName, text)
}

/**
 * Sign the message with the given key
 * @param {ArrayBuffer} keyBuffer
 * @param {string} msg
 */
async function hmacSha256(keyBuffer, msg) {
  const key = await subtleCrypto.importKey('raw', keyBuffer, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return await subtleCrypto.sign('HMAC', key, textEncoder.encode(msg))
}

/**
 * Derive a key from the password and salt
 * @param {string} password
 * @param {Uint8Array} salt
 * @param {number} iterations
 */
async function deriveKey(password, salt, iterations) {
  const key = await subtleCrypto.importKey('raw', textEncoder.encode(password), 'PBKDF2', false, ['deriveBits'])
  const params = { name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations }
  return await subtleCrypto.deriveBits(params, key, 32 * 8, ['deriveBits'])
}


/***/ }),

/***/ 8995:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



let user
try {
  user = process.platform === 'win32' ? process.env.USERNAME : process.env.USER
} catch {
  // ignore, e.g., Deno without --allow-env
}

module.exports = {
  // database host. defaults to localhost
  host: 'localhost',

  // database user's name
  user,

  // name of database to connect
  database: undefined,

  // database user's password
  password: null,

  // a Postgres connection string to be used instead of setting individual connection items
  // NOTE:  Setting this value will cause it to override any other value (such as database or user) defined
  // in the defaults object.
  connectionString: undefined,

  // database port
  port: 5432,

  // number of rows to return at a time from a prepared statement's
  // portal. 0 will return all rows at once
  rows: 0,

  // binary result mode
  binary: false,

  // Connection pool options - see https://github.com/brianc/node-pg-pool

  // number of connections to use in connection pool
  // 0 will disable connection pooling
  max: 10,

  // max milliseconds a client can go unused before it is removed
  // from the pool and destroyed
  idleTimeoutMillis: 30000,

  client_encoding: '',

  ssl: false,

  // SSL negotiation style: 'postgres' (traditional SSLRequest) or 'direct'
  sslnegotiation: undefined,

  application_name: undefined,

  fallback_application_name: undefined,

  options: undefined,

  parseInputDatesAsUTC: false,

  // max milliseconds any query using this connection will execute for before timing out in error.
  // false=unlimited
  statement_timeout: false,

  // Abort any statement that waits longer than the specified duration in milliseconds while attempting to acquire a lock.
  // false=unlimited
  lock_timeout: false,

  // Terminate any session with an open transaction that has been idle for longer than the specified duration in milliseconds
  // false=unlimited
  idle_in_transaction_session_timeout: false,

  // max milliseconds to wait for query to complete (client side)
  query_timeout: false,

  connect_timeout: 0,

  keepalives: 1,

  keepalives_idle: 0,
}

const pgTypes = __webpack_require__(1549)
// save default parsers
const parseBigInteger = pgTypes.getTypeParser(20, 'text')
const parseBigIntegerArray = pgTypes.getTypeParser(1016, 'text')

// parse int8 so you can get your count values as actual numbers
module.exports.__defineSetter__('parseInt8', function (val) {
  pgTypes.setTypeParser(20, 'text', val ? pgTypes.getTypeParser(23, 'text') : parseBigInteger)
  pgTypes.setTypeParser(1016, 'text', val ? pgTypes.getTypeParser(1007, 'text') : parseBigIntegerArray)
})


/***/ }),

/***/ 3273:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const Client = __webpack_require__(5042)
const defaults = __webpack_require__(8995)
const Connection = __webpack_require__(9809)
const Result = __webpack_require__(8014)
const utils = __webpack_require__(9652)
const Pool = __webpack_require__(7558)
const TypeOverrides = __webpack_require__(365)
const { DatabaseError } = __webpack_require__(4233)
const { escapeIdentifier, escapeLiteral } = __webpack_require__(9652)

const poolFactory = (Client) => {
  return class BoundPool extends Pool {
    constructor(options) {
      super(options, Client)
    }
  }
}

const PG = function (clientConstructor) {
  this.defaults = defaults
  this.Client = clientConstructor
  this.Query = this.Client.Query
  this.Pool = poolFactory(this.Client)
  this._pools = []
  this.Connection = Connection
  this.types = __webpack_require__(1549)
  this.DatabaseError = DatabaseError
  this.TypeOverrides = TypeOverrides
  this.escapeIdentifier = escapeIdentifier
  this.escapeLiteral = escapeLiteral
  this.Result = Result
  this.utils = utils
}

let clientConstructor = Client

let forceNative = false
try {
  forceNative = !!process.env.NODE_PG_FORCE_NATIVE
} catch {
  // ignore, e.g., Deno without --allow-env
}

if (forceNative) {
  clientConstructor = __webpack_require__(5301)
}

module.exports = new PG(clientConstructor)

// lazy require native module...the native module may not have installed
Object.defineProperty(module.exports, "native", ({
  configurable: true,
  enumerable: false,
  get() {
    let native = null
    try {
      native = new PG(__webpack_require__(5301))
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND') {
        throw err
      }
    }

    // overwrite module.exports.native so that getter is never called again
    Object.defineProperty(module.exports, "native", ({
      value: native,
    }))

    return native
  },
}))


/***/ }),

/***/ 8942:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const nodeUtils = __webpack_require__(9023)
// eslint-disable-next-line
var Native
// eslint-disable-next-line no-useless-catch
try {
  // Wrap this `require()` in a try-catch to avoid upstream bundlers from complaining that this might not be available since it is an optional import
  Native = __webpack_require__(4390)
} catch (e) {
  throw e
}
const TypeOverrides = __webpack_require__(365)
const EventEmitter = (__webpack_require__(4434).EventEmitter)
const util = __webpack_require__(9023)
const ConnectionParameters = __webpack_require__(646)

const NativeQuery = __webpack_require__(7581)

const queryQueueLengthDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.'
)

const Client = (module.exports = function (config) {
  EventEmitter.call(this)
  config = config || {}

  this._Promise = config.Promise || global.Promise
  this._types = new TypeOverrides(config.types)

  this.native = new Native({
    types: this._types,
  })

  this._queryQueue = []
  this._ending = false
  this._connecting = false
  this._connected = false
  this._queryable = true
  this.pipeline = Boolean(config.pipeline)
  this._pipelineInFlight = false

  // keep these on the object for legacy reasons
  // for the time being. TODO: deprecate all this jazz
  const cp = (this.connectionParameters = new ConnectionParameters(config))
  if (config.nativeConnectionString) cp.nativeConnectionString = config.nativeConnectionString
  this.user = cp.user

  // "hiding" the password so it doesn't show up in stack traces
  // or if the client is console.logged
  Object.defineProperty(this, 'password', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: cp.password,
  })
  this.database = cp.database
  this.host = cp.host
  this.port = cp.port

  // a hash to hold named queries
  this.namedQueries = {}
})

Client.Query = NativeQuery

util.inherits(Client, EventEmitter)

Client.prototype._errorAllQueries = function (err) {
  const enqueueError = (query) => {
    process.nextTick(() => {
      query.native = this.native
      query.handleError(err)
    })
  }

  if (this._hasActiveQuery()) {
    enqueueError(this._activeQuery)
    this._activeQuery = null
  }

  this._queryQueue.forEach(enqueueError)
  this._queryQueue.length = 0
}

// connect to the backend
// pass an optional callback to be called once connected
// or with an error if there was a connection error
Client.prototype._connect = function (cb) {
  const self = this

  if (this._connecting) {
    process.nextTick(() => cb(new Error('Client has already been connected. You cannot reuse a client.')))
    return
  }

  this._connecting = true

  this.connectionParameters.getLibpqConnectionString(function (err, conString) {
    if (self.connectionParameters.nativeConnectionString) conString = self.connectionParameters.nativeConnectionString
    if (err) return cb(err)
    self.native.connect(conString, function (err) {
      if (err) {
        self.native.end()
        return cb(err)
      }

      // set internal states to connected
      self._connected = true

      // handle connection errors from the native layer
      self.native.on('error', function (err) {
        self._queryable = false
        self._errorAllQueries(err)
        self.emit('error', err)
      })

      self.native.on('notification', function (msg) {
        self.emit('notification', {
          channel: msg.relname,
          payload: msg.extra,
        })
      })

      // signal we are connected now
      self.emit('connect')
      self._pulseQueryQueue(true)

      cb(null, this)
    })
  })
}

Client.prototype.connect = function (callback) {
  if (callback) {
    this._connect(callback)
    return
  }

  return new this._Promise((resolve, reject) => {
    this._connect((error) => {
      if (error) {
        reject(error)
      } else {
        resolve(this)
      }
    })
  })
}

// send a query to the server
// this method is highly overloaded to take
// 1) string query, optional array of parameters, optional function callback
// 2) object query with {
//    string query
//    optional array values,
//    optional function callback instead of as a separate parameter
//    optional string name to name & cache the query plan
//    optional string rowMode = 'array' for an array of results
//  }
Client.prototype.query = function (config, values, callback) {
  let query
  let result
  let readTimeout
  let readTimeoutTimer
  let queryCallback

  if (config === null || config === undefined) {
    throw new TypeError('Client was passed a null or undefined query')
  } else if (typeof config.submit === 'function') {
    readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    result = query = config
    // accept query(new Query(...), (err, res) => { }) style
    if (typeof values === 'function') {
      config.callback = values
    }
  } else {
    readTimeout = config.query_timeout || this.connectionParameters.query_timeout
    query = new NativeQuery(config, values, callback)
    if (!query.callback) {
      let resolveOut, rejectOut
      result = new this._Promise((resolve, reject) => {
        resolveOut = resolve
        rejectOut = reject
      }).catch((err) => {
        Error.captureStackTrace(err)
        throw err
      })
      query.callback = (err, res) => (err ? rejectOut(err) : resolveOut(res))
    }
  }

  if (readTimeout) {
    queryCallback = query.callback || (() => {})

    readTimeoutTimer = setTimeout(() => {
      const error = new Error('Query read timeout')

      process.nextTick(() => {
        query.handleError(error, this.connection)
      })

      queryCallback(error)

      // we already returned an error,
      // just do nothing if query completes
      query.callback = () => {}

      // Remove from queue
      const index = this._queryQueue.indexOf(query)
      if (index > -1) {
        this._queryQueue.splice(index, 1)
      }

      this._pulseQueryQueue()
    }, readTimeout)

    query.callback = (err, res) => {
      clearTimeout(readTimeoutTimer)
      queryCallback(err, res)
    }
  }

  if (!this._queryable) {
    query.native = this.native
    process.nextTick(() => {
      query.handleError(new Error('Client has encountered a connection error and is not queryable'))
    })
    return result
  }

  if (this._ending) {
    query.native = this.native
    process.nextTick(() => {
      query.handleError(new Error('Client was closed and is not queryable'))
    })
    return result
  }

  if (this._queryQueue.length > 0 && !this.pipeline) {
    queryQueueLengthDeprecationNotice()
  }

  this._queryQueue.push(query)
  this._pulseQueryQueue()
  return result
}

// disconnect from the backend server
Client.prototype.end = function (cb) {
  const self = this

  this._ending = true

  if (this._connecting && !this._connected) {
    this.once('connect', () => {
      this.end(() => {})
    })
  }
  let result
  if (!cb) {
    result = new this._Promise(function (resolve, reject) {
      cb = (err) => (err ? reject(err) : resolve())
    })
  }

  const doEnd = function () {
    self.native.end(function () {
      self._connected = false

      self._errorAllQueries(new Error('Connection terminated'))

      process.nextTick(() => {
        self.emit('end')
        if (cb) cb()
      })
    })
  }

  // If pipeline has in-flight or queued queries, wait for them to drain before closing
  if (this.pipeline && (this._pipelineInFlight || this._queryQueue.length > 0)) {
    this.once('drain', doEnd)
  } else {
    doEnd()
  }
  return result
}

Client.prototype._hasActiveQuery = function () {
  return this._activeQuery && this._activeQuery.state !== 'error' && this._activeQuery.state !== 'end'
}

Client.prototype._pulseQueryQueue = function (initialConnection) {
  if (!this._connected) {
    return
  }
  if (this.pipeline && !initialConnection) {
    return this._pulsePipelinedQueryQueue()
  }
  if (this._hasActiveQuery()) {
    return
  }
  const query = this._queryQueue.shift()
  if (!query) {
    if (!initialConnection) {
      this.emit('drain')
    }
    return
  }
  this._activeQuery = query
  query.submit(this)
  const self = this
  query.once('_done', function () {
    self._pulseQueryQueue()
  })
}

Client.prototype._pulsePipelinedQueryQueue = function () {
  if (!this._connected || this._pipelineInFlight) {
    return
  }
  if (this._queryQueue.length === 0) {
    if (this.hasExecuted) {
      this.emit('drain')
    }
    return
  }

  this._pipelineInFlight = true
  const self = this
  const queries = []
  const nativeQueries = []
  const utils = __webpack_require__(9652)

  while (this._queryQueue.length > 0) {
    const query = this._queryQueue.shift()
    this.hasExecuted = true
    nativeQueries.push(query)

    const values = query.values ? query.values.map(utils.prepareValue) : null
    const pipelineEntry = { text: query.text, name: query.name, arrayMode: query._arrayMode }
    if (values) {
      pipelineEntry.values = values
    }
    if (query.name && this.namedQueries[query.name]) {
      pipelineEntry._alreadyPrepared = true
    }
    queries.push(pipelineEntry)
  }

  this.native.pipeline(queries, function (err, results) {
    self._pipelineInFlight = false

    if (err) {
      // Total pipeline failure. Per-query errors arrive on results[i].err, so reaching here means
      // the connection itself is gone: mark it unusable and say so, the way the JS client and the
      // non-pipelined native path both do. Without this the client looks healthy after losing its
      // backend, a Pool never discards it, and everything routed to it fails one query at a time
      // for the life of the process.
      self._connected = false
      self._queryable = false
      for (let i = 0; i < nativeQueries.length; i++) {
        const q = nativeQueries[i]
        q.native = self.native
        q.handleError(err)
      }
      self._errorAllQueries(err)
      self.emit('error', err)
      self.emit('end')
      return
    }

    // Deliver results to each query
    for (let i = 0; i < nativeQueries.length; i++) {
      const q = nativeQueries[i]
      const r = results[i]
      q.native = self.native

      if (r.err) {
        q.handleError(r.err)
      } else {
        // Track named queries on success
        if (q.name) {
          self.namedQueries[q.name] = q.text
        }
        q.state = 'end'
        q.emit('end', r.result)
        if (q.callback) {
          q.callback(null, r.result)
        }
      }

      setImmediate(function () {
        q.emit('_done')
      })
    }

    // Process any queries that arrived while we were reading
    self._pulsePipelinedQueryQueue()
  })
}

// attempt to cancel an in-progress query
Client.prototype.cancel = function (query) {
  if (this._activeQuery === query) {
    this.native.cancel(function () {})
  } else if (this._queryQueue.indexOf(query) !== -1) {
    this._queryQueue.splice(this._queryQueue.indexOf(query), 1)
  }
}

Client.prototype.ref = function () {}
Client.prototype.unref = function () {}

Client.prototype.setTypeParser = function (oid, format, parseFn) {
  return this._types.setTypeParser(oid, format, parseFn)
}

Client.prototype.getTypeParser = function (oid, format) {
  return this._types.getTypeParser(oid, format)
}

Client.prototype.isConnected = function () {
  return this._connected
}

Client.prototype.getTransactionStatus = function () {
  return this.native.getTransactionStatus()
}


/***/ }),

/***/ 5301:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {


module.exports = __webpack_require__(8942)


/***/ }),

/***/ 7581:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const EventEmitter = (__webpack_require__(4434).EventEmitter)
const util = __webpack_require__(9023)
const utils = __webpack_require__(9652)

const NativeQuery = (module.exports = function (config, values, callback) {
  EventEmitter.call(this)
  config = utils.normalizeQueryConfig(config, values, callback)
  this.text = config.text
  this.values = config.values
  this.name = config.name
  this.queryMode = config.queryMode
  this.callback = config.callback
  this.state = 'new'
  this._arrayMode = config.rowMode === 'array'

  // if the 'row' event is listened for
  // then emit them as they come in
  // without setting singleRowMode to true
  // this has almost no meaning because libpq
  // reads all rows into memory before returning any
  this._emitRowEvents = false
  this.on(
    'newListener',
    function (event) {
      if (event === 'row') this._emitRowEvents = true
    }.bind(this)
  )
})

util.inherits(NativeQuery, EventEmitter)

const errorFieldMap = {
  sqlState: 'code',
  statementPosition: 'position',
  messagePrimary: 'message',
  messageDetail: 'detail',
  messageHint: 'hint',
  context: 'where',
  schemaName: 'schema',
  tableName: 'table',
  columnName: 'column',
  dataTypeName: 'dataType',
  constraintName: 'constraint',
  sourceFile: 'file',
  sourceLine: 'line',
  sourceFunction: 'routine',
}

NativeQuery.prototype.handleError = function (err) {
  // copy pq error fields into the error object
  const fields = this.native && this.native.pq.resultErrorFields()
  if (fields) {
    for (const key in fields) {
      const normalizedFieldName = errorFieldMap[key] || key
      err[normalizedFieldName] = fields[key]
    }
  }
  if (this.callback) {
    this.callback(err)
  } else {
    this.emit('error', err)
  }
  this.state = 'error'
}

NativeQuery.prototype.then = function (onSuccess, onFailure) {
  return this._getPromise().then(onSuccess, onFailure)
}

NativeQuery.prototype.catch = function (callback) {
  return this._getPromise().catch(callback)
}

NativeQuery.prototype._getPromise = function () {
  if (this._promise) return this._promise
  this._promise = new Promise(
    function (resolve, reject) {
      this._once('end', resolve)
      this._once('error', reject)
    }.bind(this)
  )
  return this._promise
}

NativeQuery.prototype.submit = function (client) {
  this.state = 'running'
  const self = this
  this.native = client.native
  client.native.arrayMode = this._arrayMode

  let after = function (err, rows, results) {
    client.native.arrayMode = false
    setImmediate(function () {
      self.emit('_done')
    })

    // handle possible query error
    if (err) {
      return self.handleError(err)
    }

    // emit row events for each row in the result
    if (self._emitRowEvents) {
      if (results.length > 1) {
        rows.forEach((rowOfRows, i) => {
          rowOfRows.forEach((row) => {
            self.emit('row', row, results[i])
          })
        })
      } else {
        rows.forEach(function (row) {
          self.emit('row', row, results)
        })
      }
    }

    // handle successful result
    self.state = 'end'
    self.emit('end', results)
    if (self.callback) {
      self.callback(null, results)
    }
  }

  if (process.domain) {
    after = process.domain.bind(after)
  }

  // named query
  if (this.name) {
    if (this.name.length > 63) {
      console.error('Warning! Postgres only supports 63 characters for query names.')
      console.error('You supplied %s (%s)', this.name, this.name.length)
      console.error('This can cause conflicts and silent errors executing queries')
    }
    const values = (this.values || []).map(utils.prepareValue)

    // check if the client has already executed this named query
    // if so...just execute it again - skip the planning phase
    if (client.namedQueries[this.name] !== undefined) {
      if (this.text && client.namedQueries[this.name] !== this.text) {
        const err = new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
        return after(err)
      }
      return client.native.execute(this.name, values, after)
    }
    // plan the named query the first time, then execute it
    return client.native.prepare(this.name, this.text, values.length, function (err) {
      if (err) return after(err)
      client.namedQueries[self.name] = self.text
      return self.native.execute(self.name, values, after)
    })
  } else if (this.values) {
    if (!Array.isArray(this.values)) {
      const err = new Error('Query values must be an array')
      return after(err)
    }
    const vals = this.values.map(utils.prepareValue)
    client.native.query(this.text, vals, after)
  } else if (this.queryMode === 'extended') {
    client.native.query(this.text, [], after)
  } else {
    client.native.query(this.text, after)
  }
}


/***/ }),

/***/ 4473:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const { EventEmitter } = __webpack_require__(4434)

const Result = __webpack_require__(8014)
const utils = __webpack_require__(9652)

class Query extends EventEmitter {
  constructor(config, values, callback) {
    super()

    config = utils.normalizeQueryConfig(config, values, callback)

    this.text = config.text
    this.values = config.values
    this.rows = config.rows
    this.types = config.types
    this.name = config.name
    this.queryMode = config.queryMode
    this.binary = config.binary
    // use unique portal name each time
    this.portal = config.portal || ''
    this.callback = config.callback
    this._rowMode = config.rowMode
    if (process.domain && config.callback) {
      this.callback = process.domain.bind(config.callback)
    }
    this._result = new Result(this._rowMode, this.types)

    // potential for multiple results
    this._results = this._result
    this._canceledDueToError = false
  }

  requiresPreparation() {
    if (this.queryMode === 'extended') {
      return true
    }

    // named queries must always be prepared
    if (this.name) {
      return true
    }
    // always prepare if there are max number of rows expected per
    // portal execution
    if (this.rows) {
      return true
    }
    // don't prepare empty text queries
    if (!this.text) {
      return false
    }
    // prepare if there are values
    if (!this.values) {
      return false
    }
    return this.values.length > 0
  }

  _checkForMultirow() {
    // if we already have a result with a command property
    // then we've already executed one query in a multi-statement simple query
    // turn our results into an array of results
    if (this._result.command) {
      if (!Array.isArray(this._results)) {
        this._results = [this._result]
      }
      this._result = new Result(this._rowMode, this._result._types)
      this._results.push(this._result)
    }
  }

  // associates row metadata from the supplied
  // message with this query object
  // metadata used when parsing row results
  handleRowDescription(msg) {
    this._checkForMultirow()
    this._result.addFields(msg.fields)
    this._accumulateRows = this.callback || !this.listeners('row').length
  }

  handleDataRow(msg) {
    let row

    if (this._canceledDueToError) {
      return
    }

    try {
      row = this._result.parseRow(msg.fields)
    } catch (err) {
      this._canceledDueToError = err
      return
    }

    this.emit('row', row, this._result)
    if (this._accumulateRows) {
      this._result.addRow(row)
    }
  }

  handleCommandComplete(msg, connection) {
    this._checkForMultirow()
    this._result.addCommandComplete(msg)
    // need to sync after each command complete of a prepared statement
    // if we were using a row count which results in multiple calls to _getRows
    if (this.rows) {
      connection.sync()
    }
  }

  // if a named prepared statement is created with empty query text
  // the backend will send an emptyQuery message but *not* a command complete message
  // since we pipeline sync immediately after execute we don't need to do anything here
  // unless we have rows specified, in which case we did not pipeline the initial sync call
  handleEmptyQuery(connection) {
    if (this.rows) {
      connection.sync()
    }
  }

  handleError(err, connection) {
    // need to sync after error during a prepared statement
    if (this._canceledDueToError) {
      err = this._canceledDueToError
      this._canceledDueToError = false
    }
    // if callback supplied do not emit error event as uncaught error
    // events will bubble up to node process
    if (this.callback) {
      return this.callback(err)
    }
    this.emit('error', err)
  }

  handleReadyForQuery(con) {
    if (this._canceledDueToError) {
      return this.handleError(this._canceledDueToError, con)
    }
    if (this.callback) {
      try {
        this.callback(null, this._results)
      } catch (err) {
        process.nextTick(() => {
          throw err
        })
      }
    }
    this.emit('end', this._results)
  }

  submit(connection) {
    if (typeof this.text !== 'string' && typeof this.name !== 'string') {
      return new Error('A query must have either text or a name. Supplying neither is unsupported.')
    }
    const previous = connection.parsedStatements[this.name] || connection.submittedNamedStatements[this.name]
    if (this.text && previous && this.text !== previous) {
      return new Error(`Prepared statements must be unique - '${this.name}' was used for a different statement`)
    }
    if (this.values && !Array.isArray(this.values)) {
      return new Error('Query values must be an array')
    }
    if (this.requiresPreparation()) {
      // If we're using the extended query protocol we fire off several separate commands
      // to the backend. On some versions of node & some operating system versions
      // the network stack writes each message separately instead of buffering them together
      // causing the client & network to send more slowly. Corking & uncorking the stream
      // allows node to buffer up the messages internally before sending them all off at once.
      // note: we're checking for existence of cork/uncork because some versions of streams
      // might not have this (cloudflare?)
      connection.stream.cork && connection.stream.cork()
      try {
        this.prepare(connection)
      } finally {
        // while unlikely for this.prepare to throw, if it does & we don't uncork this stream
        // this client becomes unresponsive, so put in finally block "just in case"
        connection.stream.uncork && connection.stream.uncork()
      }
    } else {
      connection.query(this.text)
    }
    return null
  }

  hasBeenParsed(connection) {
    return (
      this.name &&
      (connection.parsedStatements[this.name] !== undefined ||
        connection.submittedNamedStatements[this.name] !== undefined)
    )
  }

  handlePortalSuspended(connection) {
    this._getRows(connection, this.rows)
  }

  _getRows(connection, rows) {
    connection.execute({
      portal: this.portal,
      rows: rows,
    })
    // if we're not reading pages of rows send the sync command
    // to indicate the pipeline is finished
    if (!rows) {
      connection.sync()
    } else {
      // otherwise flush the call out to read more rows
      connection.flush()
    }
  }

  // http://developer.postgresql.org/pgdocs/postgres/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
  prepare(connection) {
    // TODO refactor this poor encapsulation
    if (!this.hasBeenParsed(connection)) {
      connection.parse({
        text: this.text,
        name: this.name,
        types: this.types,
      })
      if (this.name) {
        connection.submittedNamedStatements[this.name] = this.text
      }
    }

    // because we're mapping user supplied values to
    // postgres wire protocol compatible values it could
    // throw an exception, so try/catch this section
    try {
      connection.bind({
        portal: this.portal,
        statement: this.name,
        values: this.values,
        binary: this.binary,
        valueMapper: utils.prepareValue,
      })
    } catch (err) {
      // we should close parse to avoid leaking connections
      connection.close({ type: 'S', name: this.name })
      connection.sync()

      this.handleError(err, connection)
      return
    }

    connection.describe({
      type: 'P',
      name: this.portal || '',
    })

    this._getRows(connection, this.rows)
  }

  handleCopyInResponse(connection) {
    connection.sendCopyFail('No source stream defined')
  }

  handleCopyData(msg, connection) {
    // noop
  }
}

module.exports = Query


/***/ }),

/***/ 8014:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const types = __webpack_require__(1549)

const matchRegexp = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/

// result object returned from query
// in the 'end' event and also
// passed as second argument to provided callback
class Result {
  constructor(rowMode, types) {
    this.command = null
    this.rowCount = null
    this.oid = null
    this.rows = []
    this.fields = []
    this._parsers = undefined
    this._types = types
    this.RowCtor = null
    this.rowAsArray = rowMode === 'array'
    if (this.rowAsArray) {
      this.parseRow = this._parseRowAsArray
    }
    this._prebuiltEmptyResultObject = null
  }

  // adds a command complete message
  addCommandComplete(msg) {
    let match
    if (msg.text) {
      // pure javascript
      match = matchRegexp.exec(msg.text)
    } else {
      // native bindings
      match = matchRegexp.exec(msg.command)
    }
    if (match) {
      this.command = match[1]
      if (match[3]) {
        // COMMAND OID ROWS
        this.oid = parseInt(match[2], 10)
        this.rowCount = parseInt(match[3], 10)
      } else if (match[2]) {
        // COMMAND ROWS
        this.rowCount = parseInt(match[2], 10)
      }
    }
  }

  _parseRowAsArray(rowData) {
    const row = new Array(rowData.length)
    for (let i = 0, len = rowData.length; i < len; i++) {
      const rawValue = rowData[i]
      if (rawValue !== null) {
        row[i] = this._parsers[i](rawValue)
      } else {
        row[i] = null
      }
    }
    return row
  }

  parseRow(rowData) {
    const row = { ...this._prebuiltEmptyResultObject }
    for (let i = 0, len = rowData.length; i < len; i++) {
      const rawValue = rowData[i]
      const field = this.fields[i].name
      if (rawValue !== null) {
        const v = this.fields[i].format === 'binary' ? Buffer.from(rawValue) : rawValue
        row[field] = this._parsers[i](v)
      } else {
        row[field] = null
      }
    }
    return row
  }

  addRow(row) {
    this.rows.push(row)
  }

  addFields(fieldDescriptions) {
    // clears field definitions
    // multiple query statements in 1 action can result in multiple sets
    // of rowDescriptions...eg: 'select NOW(); select 1::int;'
    // you need to reset the fields
    this.fields = fieldDescriptions
    if (this.fields.length) {
      this._parsers = new Array(fieldDescriptions.length)
    }

    const row = Object.create(null)

    for (let i = 0; i < fieldDescriptions.length; i++) {
      const desc = fieldDescriptions[i]
      row[desc.name] = null

      if (this._types) {
        this._parsers[i] = this._types.getTypeParser(desc.dataTypeID, desc.format || 'text')
      } else {
        this._parsers[i] = types.getTypeParser(desc.dataTypeID, desc.format || 'text')
      }
    }

    this._prebuiltEmptyResultObject = { ...row }
  }
}

module.exports = Result


/***/ }),

/***/ 829:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const { getStream, getSecureStream } = getStreamFuncs()

module.exports = {
  /**
   * Get a socket stream compatible with the current runtime environment.
   * @returns {Duplex}
   */
  getStream,
  /**
   * Get a TLS secured socket, compatible with the current environment,
   * using the socket and other settings given in `options`.
   * @returns {Duplex}
   */
  getSecureStream,
}

/**
 * The stream functions that work in Node.js
 */
function getNodejsStreamFuncs() {
  function getStream(ssl) {
    const net = __webpack_require__(9278)
    return new net.Socket()
  }

  function getSecureStream(options) {
    const tls = __webpack_require__(4756)
    return tls.connect(options)
  }
  return {
    getStream,
    getSecureStream,
  }
}

/**
 * The stream functions that work in Cloudflare Workers
 */
function getCloudflareStreamFuncs() {
  function getStream(ssl) {
    const { CloudflareSocket } = __webpack_require__(785)
    return new CloudflareSocket(ssl)
  }

  function getSecureStream(options) {
    options.socket.startTls(options)
    return options.socket
  }
  return {
    getStream,
    getSecureStream,
  }
}

/**
 * Are we running in a Cloudflare Worker?
 *
 * @returns true if the code is currently running inside a Cloudflare Worker.
 */
function isCloudflareRuntime() {
  // Since 2022-03-21 the `global_navigator` compatibility flag is on for Cloudflare Workers
  // which means that `navigator.userAgent` will be defined.
  // eslint-disable-next-line no-undef
  if (typeof navigator === 'object' && navigator !== null && typeof navigator.userAgent === 'string') {
    // eslint-disable-next-line no-undef
    return navigator.userAgent === 'Cloudflare-Workers'
  }
  // In case `navigator` or `navigator.userAgent` is not defined then try a more sneaky approach
  if (typeof Response === 'function') {
    const resp = new Response(null, { cf: { thing: true } })
    if (typeof resp.cf === 'object' && resp.cf !== null && resp.cf.thing) {
      return true
    }
  }
  return false
}

function getStreamFuncs() {
  if (isCloudflareRuntime()) {
    return getCloudflareStreamFuncs()
  }
  return getNodejsStreamFuncs()
}


/***/ }),

/***/ 365:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const types = __webpack_require__(1549)

function TypeOverrides(userTypes) {
  this._types = userTypes || types
  this.text = {}
  this.binary = {}
}

TypeOverrides.prototype.getOverrides = function (format) {
  switch (format) {
    case 'text':
      return this.text
    case 'binary':
      return this.binary
    default:
      return {}
  }
}

TypeOverrides.prototype.setTypeParser = function (oid, format, parseFn) {
  if (typeof format === 'function') {
    parseFn = format
    format = 'text'
  }
  this.getOverrides(format)[oid] = parseFn
}

TypeOverrides.prototype.getTypeParser = function (oid, format) {
  format = format || 'text'
  return this.getOverrides(format)[oid] || this._types.getTypeParser(oid, format)
}

module.exports = TypeOverrides


/***/ }),

/***/ 9652:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const defaults = __webpack_require__(8995)
const nodeUtils = __webpack_require__(9023)

const { isDate } = __webpack_require__(8253)

const invalidDateDeprecationNotice = nodeUtils.deprecate(
  () => {},
  'Sending an invalid date to Postgres is deprecated and will throw an error in the next major version of pg. Ensure any Date object passed as a query parameter is valid.',
  'PG_INVALID_DATE'
)

function escapeElement(elementRepresentation) {
  const escaped = elementRepresentation.replace(/\\/g, '\\\\').replace(/"/g, '\\"')

  return '"' + escaped + '"'
}

// convert a JS array to a postgres array literal
// uses comma separator so won't work for types like box that use
// a different array separator.
function arrayString(val) {
  let result = '{'
  for (let i = 0; i < val.length; i++) {
    if (i > 0) {
      result += ','
    }
    let item = val[i]
    if (item == null) {
      result += 'NULL'
    } else if (Array.isArray(item)) {
      result += arrayString(item)
    } else if (ArrayBuffer.isView(item)) {
      if (!(item instanceof Buffer)) {
        item = Buffer.from(item.buffer, item.byteOffset, item.byteLength)
      }
      result += '\\\\x' + item.toString('hex')
    } else {
      result += escapeElement(prepareValue(item))
    }
  }
  result += '}'
  return result
}

// converts values from javascript types
// to their 'raw' counterparts for use as a postgres parameter
// note: you can override this function to provide your own conversion mechanism
// for complex types, etc...
const prepareValue = function (val, seen) {
  // null and undefined are both null for postgres
  if (val == null) {
    return null
  }
  if (typeof val === 'object') {
    if (val instanceof Buffer) {
      return val
    }
    if (ArrayBuffer.isView(val)) {
      return Buffer.from(val.buffer, val.byteOffset, val.byteLength)
    }
    if (isDate(val)) {
      if (isNaN(val.getTime())) {
        invalidDateDeprecationNotice()
      }
      if (defaults.parseInputDatesAsUTC) {
        return dateToStringUTC(val)
      } else {
        return dateToString(val)
      }
    }
    if (Array.isArray(val)) {
      return arrayString(val)
    }

    return prepareObject(val, seen)
  }
  return val.toString()
}

function prepareObject(val, seen) {
  if (val && typeof val.toPostgres === 'function') {
    seen = seen || []
    if (seen.indexOf(val) !== -1) {
      throw new Error('circular reference detected while preparing "' + val + '" for query')
    }
    seen.push(val)

    return prepareValue(val.toPostgres(prepareValue), seen)
  }
  return JSON.stringify(val)
}

function dateToString(date) {
  let offset = -date.getTimezoneOffset()

  let year = date.getFullYear()
  const isBCYear = year < 1
  if (isBCYear) year = Math.abs(year) + 1 // negative years are 1 off their BC representation

  let ret =
    String(year).padStart(4, '0') +
    '-' +
    String(date.getMonth() + 1).padStart(2, '0') +
    '-' +
    String(date.getDate()).padStart(2, '0') +
    'T' +
    String(date.getHours()).padStart(2, '0') +
    ':' +
    String(date.getMinutes()).padStart(2, '0') +
    ':' +
    String(date.getSeconds()).padStart(2, '0') +
    '.' +
    String(date.getMilliseconds()).padStart(3, '0')

  if (offset < 0) {
    ret += '-'
    offset *= -1
  } else {
    ret += '+'
  }

  ret += String(Math.floor(offset / 60)).padStart(2, '0') + ':' + String(offset % 60).padStart(2, '0')
  if (isBCYear) ret += ' BC'
  return ret
}

function dateToStringUTC(date) {
  let year = date.getUTCFullYear()
  const isBCYear = year < 1
  if (isBCYear) year = Math.abs(year) + 1 // negative years are 1 off their BC representation

  let ret =
    String(year).padStart(4, '0') +
    '-' +
    String(date.getUTCMonth() + 1).padStart(2, '0') +
    '-' +
    String(date.getUTCDate()).padStart(2, '0') +
    'T' +
    String(date.getUTCHours()).padStart(2, '0') +
    ':' +
    String(date.getUTCMinutes()).padStart(2, '0') +
    ':' +
    String(date.getUTCSeconds()).padStart(2, '0') +
    '.' +
    String(date.getUTCMilliseconds()).padStart(3, '0')

  ret += '+00:00'
  if (isBCYear) ret += ' BC'
  return ret
}

function normalizeQueryConfig(config, values, callback) {
  // can take in strings or config objects
  // Copy config so normalization does not mutate the caller's object.
  config = typeof config === 'string' ? { text: config } : cloneQueryConfig(config)
  if (values) {
    if (typeof values === 'function') {
      config.callback = values
    } else {
      config.values = values
    }
  }
  if (callback) {
    config.callback = callback
  }
  return config
}

function cloneQueryConfig(config) {
  if (config == null) {
    return config
  }
  return Object.defineProperties(Object.create(Object.getPrototypeOf(config)), Object.getOwnPropertyDescriptors(config))
}

// Ported from PostgreSQL 9.2.4 source code in src/interfaces/libpq/fe-exec.c
const escapeIdentifier = function (str) {
  return '"' + str.replace(/"/g, '""') + '"'
}

const escapeLiteral = function (str) {
  let hasBackslash = false
  let escaped = "'"

  if (str == null) {
    return "''"
  }

  if (typeof str !== 'string') {
    return "''"
  }

  for (let i = 0; i < str.length; i++) {
    const c = str[i]
    if (c === "'") {
      escaped += c + c
    } else if (c === '\\') {
      escaped += c + c
      hasBackslash = true
    } else {
      escaped += c
    }
  }

  escaped += "'"

  if (hasBackslash === true) {
    escaped = ' E' + escaped
  }

  return escaped
}

module.exports = {
  prepareValue: function prepareValueWrapper(value) {
    // this ensures that extra arguments do not get passed into prepareValue
    // by accident, eg: from calling values.map(utils.prepareValue)
    return prepareValue(value)
  },
  normalizeQueryConfig,
  escapeIdentifier,
  escapeLiteral,
}


/***/ }),

/***/ 8702:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var path = __webpack_require__(6928)
  , Stream = (__webpack_require__(2203).Stream)
  , split = __webpack_require__(5286)
  , util = __webpack_require__(9023)
  , defaultPort = 5432
  , isWin = (process.platform === 'win32')
  , warnStream = process.stderr
;


var S_IRWXG = 56     //    00070(8)
  , S_IRWXO = 7      //    00007(8)
  , S_IFMT  = 61440  // 00170000(8)
  , S_IFREG = 32768  //  0100000(8)
;
function isRegFile(mode) {
    return ((mode & S_IFMT) == S_IFREG);
}

var fieldNames = [ 'host', 'port', 'database', 'user', 'password' ];
var nrOfFields = fieldNames.length;
var passKey = fieldNames[ nrOfFields -1 ];


function warn() {
    var isWritable = (
        warnStream instanceof Stream &&
          true === warnStream.writable
    );

    if (isWritable) {
        var args = Array.prototype.slice.call(arguments).concat("\n");
        warnStream.write( util.format.apply(util, args) );
    }
}


Object.defineProperty(module.exports, "isWin", ({
    get : function() {
        return isWin;
    } ,
    set : function(val) {
        isWin = val;
    }
}));


module.exports.warnTo = function(stream) {
    var old = warnStream;
    warnStream = stream;
    return old;
};

module.exports.getFileName = function(rawEnv){
    var env = rawEnv || process.env;
    var file = env.PGPASSFILE || (
        isWin ?
          path.join( env.APPDATA || './' , 'postgresql', 'pgpass.conf' ) :
          path.join( env.HOME || './', '.pgpass' )
    );
    return file;
};

module.exports.usePgPass = function(stats, fname) {
    if (Object.prototype.hasOwnProperty.call(process.env, 'PGPASSWORD')) {
        return false;
    }

    if (isWin) {
        return true;
    }

    fname = fname || '<unkn>';

    if (! isRegFile(stats.mode)) {
        warn('WARNING: password file "%s" is not a plain file', fname);
        return false;
    }

    if (stats.mode & (S_IRWXG | S_IRWXO)) {
        /* If password file is insecure, alert the user and ignore it. */
        warn('WARNING: password file "%s" has group or world access; permissions should be u=rw (0600) or less', fname);
        return false;
    }

    return true;
};


var matcher = module.exports.match = function(connInfo, entry) {
    return fieldNames.slice(0, -1).reduce(function(prev, field, idx){
        if (idx == 1) {
            // the port
            if ( Number( connInfo[field] || defaultPort ) === Number( entry[field] ) ) {
                return prev && true;
            }
        }
        return prev && (
            entry[field] === '*' ||
              entry[field] === connInfo[field]
        );
    }, true);
};


module.exports.getPassword = function(connInfo, stream, cb) {
    var pass;
    var lineStream = stream.pipe(split());

    function onLine(line) {
        var entry = parseLine(line);
        if (entry && isValidEntry(entry) && matcher(connInfo, entry)) {
            pass = entry[passKey];
            lineStream.end(); // -> calls onEnd(), but pass is set now
        }
    }

    var onEnd = function() {
        stream.destroy();
        cb(pass);
    };

    var onErr = function(err) {
        stream.destroy();
        warn('WARNING: error on reading file: %s', err);
        cb(undefined);
    };

    stream.on('error', onErr);
    lineStream
        .on('data', onLine)
        .on('end', onEnd)
        .on('error', onErr)
    ;

};


var parseLine = module.exports.parseLine = function(line) {
    if (line.length < 11 || line.match(/^\s+#/)) {
        return null;
    }

    var curChar = '';
    var prevChar = '';
    var fieldIdx = 0;
    var startIdx = 0;
    var endIdx = 0;
    var obj = {};
    var isLastField = false;
    var addToObj = function(idx, i0, i1) {
        var field = line.substring(i0, i1);

        if (! Object.hasOwnProperty.call(process.env, 'PGPASS_NO_DEESCAPE')) {
            field = field.replace(/\\([:\\])/g, '$1');
        }

        obj[ fieldNames[idx] ] = field;
    };

    for (var i = 0 ; i < line.length-1 ; i += 1) {
        curChar = line.charAt(i+1);
        prevChar = line.charAt(i);

        isLastField = (fieldIdx == nrOfFields-1);

        if (isLastField) {
            addToObj(fieldIdx, startIdx);
            break;
        }

        if (i >= 0 && curChar == ':' && prevChar !== '\\') {
            addToObj(fieldIdx, startIdx, i+1);

            startIdx = i+2;
            fieldIdx += 1;
        }
    }

    obj = ( Object.keys(obj).length === nrOfFields ) ? obj : null;

    return obj;
};


var isValidEntry = module.exports.isValidEntry = function(entry){
    var rules = {
        // host
        0 : function(x){
            return x.length > 0;
        } ,
        // port
        1 : function(x){
            if (x === '*') {
                return true;
            }
            x = Number(x);
            return (
                isFinite(x) &&
                  x > 0 &&
                  x < 9007199254740992 &&
                  Math.floor(x) === x
            );
        } ,
        // database
        2 : function(x){
            return x.length > 0;
        } ,
        // username
        3 : function(x){
            return x.length > 0;
        } ,
        // password
        4 : function(x){
            return x.length > 0;
        }
    };

    for (var idx = 0 ; idx < fieldNames.length ; idx += 1) {
        var rule = rules[idx];
        var value = entry[ fieldNames[idx] ] || '';

        var res = rule(value);
        if (!res) {
            return false;
        }
    }

    return true;
};



/***/ }),

/***/ 3272:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var path = __webpack_require__(6928)
  , fs = __webpack_require__(9896)
  , helper = __webpack_require__(8702)
;


module.exports = function(connInfo, cb) {
    var file = helper.getFileName();
    
    fs.stat(file, function(err, stat){
        if (err || !helper.usePgPass(stat, file)) {
            return cb(undefined);
        }

        var st = fs.createReadStream(file);

        helper.getPassword(connInfo, st, cb);
    });
};

module.exports.warnTo = helper.warnTo;


/***/ }),

/***/ 3879:
/***/ ((__unused_webpack_module, exports) => {



exports.parse = function (source, transform) {
  return new ArrayParser(source, transform).parse()
}

class ArrayParser {
  constructor (source, transform) {
    this.source = source
    this.transform = transform || identity
    this.position = 0
    this.entries = []
    this.recorded = []
    this.dimension = 0
  }

  isEof () {
    return this.position >= this.source.length
  }

  nextCharacter () {
    var character = this.source[this.position++]
    if (character === '\\') {
      return {
        value: this.source[this.position++],
        escaped: true
      }
    }
    return {
      value: character,
      escaped: false
    }
  }

  record (character) {
    this.recorded.push(character)
  }

  newEntry (includeEmpty) {
    var entry
    if (this.recorded.length > 0 || includeEmpty) {
      entry = this.recorded.join('')
      if (entry === 'NULL' && !includeEmpty) {
        entry = null
      }
      if (entry !== null) entry = this.transform(entry)
      this.entries.push(entry)
      this.recorded = []
    }
  }

  consumeDimensions () {
    if (this.source[0] === '[') {
      while (!this.isEof()) {
        var char = this.nextCharacter()
        if (char.value === '=') break
      }
    }
  }

  parse (nested) {
    var character, parser, quote
    this.consumeDimensions()
    while (!this.isEof()) {
      character = this.nextCharacter()
      if (character.value === '{' && !quote) {
        this.dimension++
        if (this.dimension > 1) {
          parser = new ArrayParser(this.source.substr(this.position - 1), this.transform)
          this.entries.push(parser.parse(true))
          this.position += parser.position - 2
        }
      } else if (character.value === '}' && !quote) {
        this.dimension--
        if (!this.dimension) {
          this.newEntry()
          if (nested) return this.entries
        }
      } else if (character.value === '"' && !character.escaped) {
        if (quote) this.newEntry(true)
        quote = !quote
      } else if (character.value === ',' && !quote) {
        this.newEntry()
      } else {
        this.record(character.value)
      }
    }
    if (this.dimension !== 0) {
      throw new Error('array dimension not balanced')
    }
    return this.entries
  }
}

function identity (value) {
  return value
}


/***/ }),

/***/ 463:
/***/ ((module) => {



var bufferFrom = Buffer.from || Buffer

module.exports = function parseBytea (input) {
  if (/^\\x/.test(input)) {
    // new 'hex' style response (pg >9.0)
    return bufferFrom(input.substr(2), 'hex')
  }
  var output = ''
  var i = 0
  while (i < input.length) {
    if (input[i] !== '\\') {
      output += input[i]
      ++i
    } else {
      if (/[0-7]{3}/.test(input.substr(i + 1, 3))) {
        output += String.fromCharCode(parseInt(input.substr(i + 1, 3), 8))
        i += 4
      } else {
        var backslashes = 1
        while (i + backslashes < input.length && input[i + backslashes] === '\\') {
          backslashes++
        }
        for (var k = 0; k < Math.floor(backslashes / 2); ++k) {
          output += '\\'
        }
        i += Math.floor(backslashes / 2) * 2
      }
    }
  }
  return bufferFrom(output, 'binary')
}


/***/ }),

/***/ 2690:
/***/ ((module) => {



var DATE_TIME = /(\d{1,})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,})?.*?( BC)?$/
var DATE = /^(\d{1,})-(\d{2})-(\d{2})( BC)?$/
var TIME_ZONE = /([Z+-])(\d{2})?:?(\d{2})?:?(\d{2})?/
var INFINITY = /^-?infinity$/

module.exports = function parseDate (isoDate) {
  if (INFINITY.test(isoDate)) {
    // Capitalize to Infinity before passing to Number
    return Number(isoDate.replace('i', 'I'))
  }
  var matches = DATE_TIME.exec(isoDate)

  if (!matches) {
    // Force YYYY-MM-DD dates to be parsed as local time
    return getDate(isoDate) || null
  }

  var isBC = !!matches[8]
  var year = parseInt(matches[1], 10)
  if (isBC) {
    year = bcYearToNegativeYear(year)
  }

  var month = parseInt(matches[2], 10) - 1
  var day = matches[3]
  var hour = parseInt(matches[4], 10)
  var minute = parseInt(matches[5], 10)
  var second = parseInt(matches[6], 10)

  var ms = matches[7]
  ms = ms ? 1000 * parseFloat(ms) : 0

  var date
  var offset = timeZoneOffset(isoDate)
  if (offset != null) {
    date = new Date(Date.UTC(year, month, day, hour, minute, second, ms))

    // Account for years from 0 to 99 being interpreted as 1900-1999
    // by Date.UTC / the multi-argument form of the Date constructor
    if (is0To99(year)) {
      date.setUTCFullYear(year)
    }

    if (offset !== 0) {
      date.setTime(date.getTime() - offset)
    }
  } else {
    date = new Date(year, month, day, hour, minute, second, ms)

    if (is0To99(year)) {
      date.setFullYear(year)
    }
  }

  return date
}

function getDate (isoDate) {
  var matches = DATE.exec(isoDate)
  if (!matches) {
    return
  }

  var year = parseInt(matches[1], 10)
  var isBC = !!matches[4]
  if (isBC) {
    year = bcYearToNegativeYear(year)
  }

  var month = parseInt(matches[2], 10) - 1
  var day = matches[3]
  // YYYY-MM-DD will be parsed as local time
  var date = new Date(year, month, day)

  if (is0To99(year)) {
    date.setFullYear(year)
  }

  return date
}

// match timezones:
// Z (UTC)
// -05
// +06:30
function timeZoneOffset (isoDate) {
  if (isoDate.endsWith('+00')) {
    return 0
  }

  var zone = TIME_ZONE.exec(isoDate.split(' ')[1])
  if (!zone) return
  var type = zone[1]

  if (type === 'Z') {
    return 0
  }
  var sign = type === '-' ? -1 : 1
  var offset = parseInt(zone[2], 10) * 3600 +
    parseInt(zone[3] || 0, 10) * 60 +
    parseInt(zone[4] || 0, 10)

  return offset * sign * 1000
}

function bcYearToNegativeYear (year) {
  // Account for numerical difference between representations of BC years
  // See: https://github.com/bendrucker/postgres-date/issues/5
  return -(year - 1)
}

function is0To99 (num) {
  return num >= 0 && num < 100
}


/***/ }),

/***/ 8755:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var extend = __webpack_require__(223)

module.exports = PostgresInterval

function PostgresInterval (raw) {
  if (!(this instanceof PostgresInterval)) {
    return new PostgresInterval(raw)
  }
  extend(this, parse(raw))
}
var properties = ['seconds', 'minutes', 'hours', 'days', 'months', 'years']
PostgresInterval.prototype.toPostgres = function () {
  var filtered = properties.filter(this.hasOwnProperty, this)

  // In addition to `properties`, we need to account for fractions of seconds.
  if (this.milliseconds && filtered.indexOf('seconds') < 0) {
    filtered.push('seconds')
  }

  if (filtered.length === 0) return '0'
  return filtered
    .map(function (property) {
      var value = this[property] || 0

      // Account for fractional part of seconds,
      // remove trailing zeroes.
      if (property === 'seconds' && this.milliseconds) {
        value = (value + this.milliseconds / 1000).toFixed(6).replace(/\.?0+$/, '')
      }

      return value + ' ' + property
    }, this)
    .join(' ')
}

var propertiesISOEquivalent = {
  years: 'Y',
  months: 'M',
  days: 'D',
  hours: 'H',
  minutes: 'M',
  seconds: 'S'
}
var dateProperties = ['years', 'months', 'days']
var timeProperties = ['hours', 'minutes', 'seconds']
// according to ISO 8601
PostgresInterval.prototype.toISOString = PostgresInterval.prototype.toISO = function () {
  var datePart = dateProperties
    .map(buildProperty, this)
    .join('')

  var timePart = timeProperties
    .map(buildProperty, this)
    .join('')

  return 'P' + datePart + 'T' + timePart

  function buildProperty (property) {
    var value = this[property] || 0

    // Account for fractional part of seconds,
    // remove trailing zeroes.
    if (property === 'seconds' && this.milliseconds) {
      value = (value + this.milliseconds / 1000).toFixed(6).replace(/0+$/, '')
    }

    return value + propertiesISOEquivalent[property]
  }
}

var NUMBER = '([+-]?\\d+)'
var YEAR = NUMBER + '\\s+years?'
var MONTH = NUMBER + '\\s+mons?'
var DAY = NUMBER + '\\s+days?'
var TIME = '([+-])?([\\d]*):(\\d\\d):(\\d\\d)\\.?(\\d{1,6})?'
var INTERVAL = new RegExp([YEAR, MONTH, DAY, TIME].map(function (regexString) {
  return '(' + regexString + ')?'
})
  .join('\\s*'))

// Positions of values in regex match
var positions = {
  years: 2,
  months: 4,
  days: 6,
  hours: 9,
  minutes: 10,
  seconds: 11,
  milliseconds: 12
}
// We can use negative time
var negatives = ['hours', 'minutes', 'seconds', 'milliseconds']

function parseMilliseconds (fraction) {
  // add omitted zeroes
  var microseconds = fraction + '000000'.slice(fraction.length)
  return parseInt(microseconds, 10) / 1000
}

function parse (interval) {
  if (!interval) return {}
  var matches = INTERVAL.exec(interval)
  var isNegative = matches[8] === '-'
  return Object.keys(positions)
    .reduce(function (parsed, property) {
      var position = positions[property]
      var value = matches[position]
      // no empty string
      if (!value) return parsed
      // milliseconds are actually microseconds (up to 6 digits)
      // with omitted trailing zeroes.
      value = property === 'milliseconds'
        ? parseMilliseconds(value)
        : parseInt(value, 10)
      // no zeros
      if (!value) return parsed
      if (isNegative && ~negatives.indexOf(property)) {
        value *= -1
      }
      parsed[property] = value
      return parsed
    }, {})
}


/***/ }),

/***/ 5286:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

/*
Copyright (c) 2014-2021, Matteo Collina <hello@matteocollina.com>

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR
IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
*/



const { Transform } = __webpack_require__(2203)
const { StringDecoder } = __webpack_require__(3193)
const kLast = Symbol('last')
const kDecoder = Symbol('decoder')

function transform (chunk, enc, cb) {
  let list
  if (this.overflow) { // Line buffer is full. Skip to start of next line.
    const buf = this[kDecoder].write(chunk)
    list = buf.split(this.matcher)

    if (list.length === 1) return cb() // Line ending not found. Discard entire chunk.

    // Line ending found. Discard trailing fragment of previous line and reset overflow state.
    list.shift()
    this.overflow = false
  } else {
    this[kLast] += this[kDecoder].write(chunk)
    list = this[kLast].split(this.matcher)
  }

  this[kLast] = list.pop()

  for (let i = 0; i < list.length; i++) {
    try {
      push(this, this.mapper(list[i]))
    } catch (error) {
      return cb(error)
    }
  }

  this.overflow = this[kLast].length > this.maxLength
  if (this.overflow && !this.skipOverflow) {
    cb(new Error('maximum buffer reached'))
    return
  }

  cb()
}

function flush (cb) {
  // forward any gibberish left in there
  this[kLast] += this[kDecoder].end()

  if (this[kLast]) {
    try {
      push(this, this.mapper(this[kLast]))
    } catch (error) {
      return cb(error)
    }
  }

  cb()
}

function push (self, val) {
  if (val !== undefined) {
    self.push(val)
  }
}

function noop (incoming) {
  return incoming
}

function split (matcher, mapper, options) {
  // Set defaults for any arguments not supplied.
  matcher = matcher || /\r?\n/
  mapper = mapper || noop
  options = options || {}

  // Test arguments explicitly.
  switch (arguments.length) {
    case 1:
      // If mapper is only argument.
      if (typeof matcher === 'function') {
        mapper = matcher
        matcher = /\r?\n/
      // If options is only argument.
      } else if (typeof matcher === 'object' && !(matcher instanceof RegExp) && !matcher[Symbol.split]) {
        options = matcher
        matcher = /\r?\n/
      }
      break

    case 2:
      // If mapper and options are arguments.
      if (typeof matcher === 'function') {
        options = mapper
        mapper = matcher
        matcher = /\r?\n/
      // If matcher and options are arguments.
      } else if (typeof mapper === 'object') {
        options = mapper
        mapper = noop
      }
  }

  options = Object.assign({}, options)
  options.autoDestroy = true
  options.transform = transform
  options.flush = flush
  options.readableObjectMode = true

  const stream = new Transform(options)

  stream[kLast] = ''
  stream[kDecoder] = new StringDecoder('utf8')
  stream.matcher = matcher
  stream.mapper = mapper
  stream.maxLength = options.maxLength
  stream.skipOverflow = options.skipOverflow || false
  stream.overflow = false
  stream._destroy = function (err, cb) {
    // Weird Node v12 bug that we need to work around
    this._writableState.errorEmitted = false
    cb(err)
  }

  return stream
}

module.exports = split


/***/ }),

/***/ 223:
/***/ ((module) => {

module.exports = extend

var hasOwnProperty = Object.prototype.hasOwnProperty;

function extend(target) {
    for (var i = 1; i < arguments.length; i++) {
        var source = arguments[i]

        for (var key in source) {
            if (hasOwnProperty.call(source, key)) {
                target[key] = source[key]
            }
        }
    }

    return target
}


/***/ }),

/***/ 4390:
/***/ ((module) => {

module.exports = eval("require")("pg-native");


/***/ }),

/***/ 2498:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ p)
/* harmony export */ });
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var f=Object.defineProperty,d=(t,e)=>{for(var r in e)f(t,r,{get:e[r],enumerable:!0})},p={};d(p,{IN_NODE:()=>s,WASM_PREFIX:()=>y,getFsBundle:()=>w,instantiateWasm:()=>b,pgliteProc:()=>h,rmdirRecursive:()=>g,startArtifactDownload:()=>c,toPostgresName:()=>v,uuid:()=>S});function m(){let t=process.type;return t==="renderer"||t==="worker"||t==="service-worker"}var s=typeof process=="object"&&typeof process.versions=="object"&&typeof process.versions.node=="string"&&!m(),y="/pglite",h=globalThis&&typeof globalThis.process<"u"?globalThis.process:{exitCode:void 0},a=new Map;async function c(t){s||a.has(t.toString())||a.set(t.toString(),fetch(t))}var o=new Map;async function b(t,e){if(typeof e!="function")return{instance:await WebAssembly.instantiate(e,t),module:e};let r=e();if(o.has(r.toString())){let i=o.get(r.toString());return{instance:await WebAssembly.instantiate(i,t),module:i}}if(s){let i=await(await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1943, 19))).readFile(r),{module:n,instance:l}=await WebAssembly.instantiate(i,t);return o.set(r.toString(),n),{instance:l,module:n}}else{a.has(r.toString())||c(r);let i=await a.get(r.toString()),{module:n,instance:l}=await WebAssembly.instantiateStreaming(i.clone(),t);return o.set(r.toString(),n),{instance:l,module:n}}}async function w(t){return s?(await(await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1943, 19))).readFile(t)).buffer:(c(t),(await a.get(t.toString())).clone().arrayBuffer())}var S=()=>{if(globalThis.crypto?.randomUUID)return globalThis.crypto.randomUUID();let t=new Uint8Array(16);if(globalThis.crypto?.getRandomValues)globalThis.crypto.getRandomValues(t);else for(let r=0;r<t.length;r++)t[r]=Math.floor(Math.random()*256);t[6]=t[6]&15|64,t[8]=t[8]&63|128;let e=[];return t.forEach(r=>{e.push(r.toString(16).padStart(2,"0"))}),e.slice(0,4).join("")+"-"+e.slice(4,6).join("")+"-"+e.slice(6,8).join("")+"-"+e.slice(8,10).join("")+"-"+e.slice(10).join("")};function v(t){let e;return t.startsWith('"')&&t.endsWith('"')?e=t.substring(1,t.length-1):e=t.toLowerCase(),e}function g(t,e){try{let r=t.readdir(e).filter(i=>i!=="."&&i!=="..");for(let i of r){let n=e+"/"+i;try{t.readdir(n),g(t,n)}catch{t.unlink(n)}}t.rmdir(e)}catch{try{t.unlink(e)}catch{}}}
//# sourceMappingURL=chunk-BD5WXLQO.js.map

/***/ }),

/***/ 3775:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ g)
/* harmony export */ });
/* unused harmony exports a, b, c */
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var o={part:"part",container:"container"};function s(t,r,...e){let a=t.length-1,p=e.length-1;if(p!==-1){if(p===0){t[a]=t[a]+e[0]+r;return}t[a]=t[a]+e[0],t.push(...e.slice(1,p)),t.push(e[p]+r)}}function y(t,...r){let e=[t[0]];e.raw=[t.raw[0]];let a=[];for(let p=0;p<r.length;p++){let n=r[p],i=p+1;if(n?._templateType===o.part){s(e,t[i],n.str),s(e.raw,t.raw[i],n.str);continue}if(n?._templateType===o.container){s(e,t[i],...n.strings),s(e.raw,t.raw[i],...n.strings.raw),a.push(...n.values);continue}e.push(t[i]),e.raw.push(t.raw[i]),a.push(n)}return{_templateType:"container",strings:e,values:a}}function T(t,...r){return{_templateType:"part",str:`"${String.raw(t,...r).replace(/"/g,'""')}"`}}function m(t,...r){return{_templateType:"part",str:String.raw(t,...r)}}function g(t,...r){let{strings:e,values:a}=y(t,...r);return{query:[e[0],...a.flatMap((p,n)=>[`$${n+1}`,e[n+1]])].join(""),params:a}}
//# sourceMappingURL=chunk-KLBW4PNS.js.map

/***/ }),

/***/ 2249:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ be),
/* harmony export */   b: () => (/* binding */ Jr),
/* harmony export */   c: () => (/* binding */ U),
/* harmony export */   d: () => (/* binding */ I),
/* harmony export */   e: () => (/* binding */ Hr),
/* harmony export */   f: () => (/* binding */ Lr),
/* harmony export */   g: () => (/* binding */ pt),
/* harmony export */   h: () => (/* binding */ St),
/* harmony export */   i: () => (/* binding */ Ce),
/* harmony export */   j: () => (/* binding */ Ie),
/* harmony export */   k: () => (/* binding */ xe)
/* harmony export */ });
/* harmony import */ var _chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2498);
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4417);
var j=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.a)((xr,b)=>{"use strict";(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();var le=9007199254740991,ue=(function(e){return e})();function Be(e){return e===ue}function ce(e){return typeof e=="string"||Object.prototype.toString.call(e)=="[object String]"}function je(e){return Object.prototype.toString.call(e)=="[object Date]"}function W(e){return e!==null&&typeof e=="object"}function X(e){return typeof e=="function"}function Ye(e){return typeof e=="number"&&e>-1&&e%1==0&&e<=le}function Ge(e){return Object.prototype.toString.call(e)=="[object Array]"}function de(e){return W(e)&&!X(e)&&Ye(e.length)}function J(e){return Object.prototype.toString.call(e)=="[object ArrayBuffer]"}function We(e,r){return Array.prototype.map.call(e,r)}function Xe(e,r){var t=ue;return X(r)&&Array.prototype.every.call(e,function(n,i,o){var a=r(n,i,o);return a&&(t=n),!a}),t}function Ve(e){return Object.assign.apply(null,arguments)}function fe(e){var r,t,n;if(ce(e)){for(t=e.length,n=new Uint8Array(t),r=0;r<t;r++)n[r]=e.charCodeAt(r)&255;return n}return J(e)?new Uint8Array(e):W(e)&&J(e.buffer)?new Uint8Array(e.buffer):de(e)?new Uint8Array(e):W(e)&&X(e.toString)?fe(e.toString()):new Uint8Array}b.exports.MAX_SAFE_INTEGER=le;b.exports.isUndefined=Be;b.exports.isString=ce;b.exports.isObject=W;b.exports.isDateTime=je;b.exports.isFunction=X;b.exports.isArray=Ge;b.exports.isArrayLike=de;b.exports.isArrayBuffer=J;b.exports.map=We;b.exports.find=Xe;b.exports.extend=Ve;b.exports.toUint8Array=fe});var Y=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.a)((Br,_e)=>{"use strict";(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();var Q="\0";_e.exports={NULL_CHAR:Q,TMAGIC:"ustar"+Q+"00",OLDGNU_MAGIC:"ustar  "+Q,REGTYPE:0,LNKTYPE:1,SYMTYPE:2,CHRTYPE:3,BLKTYPE:4,DIRTYPE:5,FIFOTYPE:6,CONTTYPE:7,TSUID:parseInt("4000",8),TSGID:parseInt("2000",8),TSVTX:parseInt("1000",8),TUREAD:parseInt("0400",8),TUWRITE:parseInt("0200",8),TUEXEC:parseInt("0100",8),TGREAD:parseInt("0040",8),TGWRITE:parseInt("0020",8),TGEXEC:parseInt("0010",8),TOREAD:parseInt("0004",8),TOWRITE:parseInt("0002",8),TOEXEC:parseInt("0001",8),TPERMALL:parseInt("0777",8),TPERMMASK:parseInt("0777",8)}});var re=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.a)((Yr,T)=>{"use strict";(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();var me=j(),w=Y(),$e=512,Z=w.TPERMALL,pe=0,Se=0,ee=[["name",100,0,function(e,r){return G(e[r[0]],r[1])},function(e,r,t){return L(e.slice(r,r+t[1]))}],["mode",8,100,function(e,r){var t=e[r[0]]||Z;return t=t&w.TPERMMASK,z(t,r[1],Z)},function(e,r,t){var n=R(e.slice(r,r+t[1]));return n&=w.TPERMMASK,n}],["uid",8,108,function(e,r){return z(e[r[0]],r[1],pe)},function(e,r,t){return R(e.slice(r,r+t[1]))}],["gid",8,116,function(e,r){return z(e[r[0]],r[1],Se)},function(e,r,t){return R(e.slice(r,r+t[1]))}],["size",12,124,function(e,r){return z(e.data.length,r[1])},function(e,r,t){return R(e.slice(r,r+t[1]))}],["modifyTime",12,136,function(e,r){return V(e[r[0]],r[1])},function(e,r,t){return $(e.slice(r,r+t[1]))}],["checksum",8,148,function(e,r){return"        "},function(e,r,t){return R(e.slice(r,r+t[1]))}],["type",1,156,function(e,r){return""+(parseInt(e[r[0]],10)||0)%8},function(e,r,t){return(parseInt(String.fromCharCode(e[r]),10)||0)%8}],["linkName",100,157,function(e,r){return""},function(e,r,t){return L(e.slice(r,r+t[1]))}],["ustar",8,257,function(e,r){return w.TMAGIC},function(e,r,t){return qe(L(e.slice(r,r+t[1]),!0))},function(e,r){return e[r[0]]==w.TMAGIC||e[r[0]]==w.OLDGNU_MAGIC}],["owner",32,265,function(e,r){return G(e[r[0]],r[1])},function(e,r,t){return L(e.slice(r,r+t[1]))}],["group",32,297,function(e,r){return G(e[r[0]],r[1])},function(e,r,t){return L(e.slice(r,r+t[1]))}],["majorNumber",8,329,function(e,r){return""},function(e,r,t){return R(e.slice(r,r+t[1]))}],["minorNumber",8,337,function(e,r){return""},function(e,r,t){return R(e.slice(r,r+t[1]))}],["prefix",131,345,function(e,r){return G(e[r[0]],r[1])},function(e,r,t){return L(e.slice(r,r+t[1]))}],["accessTime",12,476,function(e,r){return V(e[r[0]],r[1])},function(e,r,t){return $(e.slice(r,r+t[1]))}],["createTime",12,488,function(e,r){return V(e[r[0]],r[1])},function(e,r,t){return $(e.slice(r,r+t[1]))}]],ge=(function(e){var r=e[e.length-1];return r[2]+r[1]})(ee);function qe(e){if(e.length==8){var r=e.split("");if(r[5]==w.NULL_CHAR)return(r[6]==" "||r[6]==w.NULL_CHAR)&&(r[6]="0"),(r[7]==" "||r[7]==w.NULL_CHAR)&&(r[7]="0"),r=r.join(""),r==w.TMAGIC?r:e;if(r[7]==w.NULL_CHAR)return r[5]==w.NULL_CHAR&&(r[5]=" "),r[6]==w.NULL_CHAR&&(r[6]=" "),r==w.OLDGNU_MAGIC?r:e}return e}function G(e,r){return r-=1,me.isUndefined(e)&&(e=""),e=(""+e).substr(0,r),e+w.NULL_CHAR}function z(e,r,t){for(t=parseInt(t)||0,r-=1,e=(parseInt(e)||t).toString(8).substr(-r,r);e.length<r;)e="0"+e;return e+w.NULL_CHAR}function V(e,r){if(me.isDateTime(e))e=Math.floor(1*e/1e3);else if(e=parseInt(e,10),isFinite(e)){if(e<=0)return""}else e=Math.floor(1*new Date/1e3);return z(e,r,0)}function L(e,r){var t=String.fromCharCode.apply(null,e);if(r)return t;var n=t.indexOf(w.NULL_CHAR);return n>=0?t.substr(0,n):t}function R(e){var r=String.fromCharCode.apply(null,e);return parseInt(r.replace(/^0+$/g,""),8)||0}function $(e){return e.length==0||e[0]==0?null:new Date(1e3*R(e))}function Ke(e,r,t){var n=parseInt(r,10)||0,i=Math.min(n+ge,e.length),o=0,a=0,s=0;t&&ee.every(function(_){return _[0]=="checksum"?(a=n+_[2],s=a+_[1],!1):!0});for(var l=32,u=n;u<i;u++){var c=u>=a&&u<s?l:e[u];o=(o+c)%262144}return o}T.exports.recordSize=$e;T.exports.defaultFileMode=Z;T.exports.defaultUid=pe;T.exports.defaultGid=Se;T.exports.posixHeader=ee;T.exports.effectiveHeaderSize=ge;T.exports.calculateChecksum=Ke;T.exports.formatTarString=G;T.exports.formatTarNumber=z;T.exports.formatTarDateTime=V;T.exports.parseTarString=L;T.exports.parseTarNumber=R;T.exports.parseTarDateTime=$});var ye=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.a)((Wr,Fe)=>{"use strict";(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();var Je=Y(),q=j(),H=re();function ve(e){return H.recordSize}function Ee(e){return Math.ceil(e.data.length/H.recordSize)*H.recordSize}function Qe(e){var r=0;return e.forEach(function(t){r+=ve(t)+Ee(t)}),r+=H.recordSize*2,new Uint8Array(r)}function Ze(e,r,t){t=parseInt(t)||0;var n=t;H.posixHeader.forEach(function(l){for(var u=l[3](r,l),c=u.length,_=0;_<c;_+=1)e[n+_]=u.charCodeAt(_)&255;n+=l[1]});var i=q.find(H.posixHeader,function(l){return l[0]=="checksum"});if(i){var o=H.calculateChecksum(e,t,!0),a=H.formatTarNumber(o,i[1]-2)+Je.NULL_CHAR+" ";n=t+i[2];for(var s=0;s<a.length;s+=1)e[n]=a.charCodeAt(s)&255,n++}return t+ve(r)}function er(e,r,t){return t=parseInt(t,10)||0,e.set(r.data,t),t+Ee(r)}function rr(e){e=q.map(e,function(n){return q.extend({},n,{data:q.toUint8Array(n.data)})});var r=Qe(e),t=0;return e.forEach(function(n){t=Ze(r,n,t),t=er(r,n,t)}),r}Fe.exports.tar=rr});var we=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.a)((Vr,he)=>{"use strict";(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();var tr=Y(),ne=j(),D=re(),nr={extractData:!0,checkHeader:!0,checkChecksum:!0,checkFileSize:!0},ir={size:!0,checksum:!0,ustar:!0},te={unexpectedEndOfFile:"Unexpected end of file.",fileCorrupted:"File is corrupted.",checksumCheckFailed:"Checksum check failed."};function or(e){return D.recordSize}function ar(e){return Math.ceil(e/D.recordSize)*D.recordSize}function sr(e,r){for(var t=r,n=Math.min(e.length,r+D.recordSize*2),i=t;i<n;i++)if(e[i]!=0)return!1;return!0}function lr(e,r,t){if(e.length-r<D.recordSize){if(t.checkFileSize)throw new Error(te.unexpectedEndOfFile);return null}r=parseInt(r)||0;var n={},i=r;if(D.posixHeader.forEach(function(s){n[s[0]]=s[4](e,i,s),i+=s[1]}),n.type!=0&&(n.size=0),t.checkHeader&&D.posixHeader.forEach(function(s){if(ne.isFunction(s[5])&&!s[5](n,s)){var l=new Error(te.fileCorrupted);throw l.data={offset:r+s[2],field:s[0]},l}}),t.checkChecksum){var o=D.calculateChecksum(e,r,!0);if(o!=n.checksum){var a=new Error(te.checksumCheckFailed);throw a.data={offset:r,header:n,checksum:o},a}}return n}function ur(e,r,t,n){return n.extractData?t.size<=0?new Uint8Array:e.slice(r,r+t.size):null}function cr(e,r){var t={};return D.posixHeader.forEach(function(n){var i=n[0];ir[i]||(t[i]=e[i])}),t.isOldGNUFormat=e.ustar==tr.OLDGNU_MAGIC,r&&(t.data=r),t}function dr(e,r){r=ne.extend({},nr,r);for(var t=[],n=0,i=e.length;i-n>=D.recordSize;){e=ne.toUint8Array(e);var o=lr(e,n,r);if(!o)break;n+=or(o);var a=ur(e,n,o,r);if(t.push(cr(o,a)),n+=ar(o.size),sr(e,n))break}return t}he.exports.untar=dr});var be=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.a)((qr,Ae)=>{"use strict";(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();var fr=j(),_r=Y(),mr=ye(),pr=we();fr.extend(Ae.exports,mr,pr,_r)});(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();var O=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.c)(be(),1);async function ie(e,r,t="pgdata",n="auto"){let i=vr(e,r),[o,a]=await Er(i,n),s=t+(a?".tar.gz":".tar"),l=a?"application/x-gzip":"application/x-tar";return typeof File<"u"?new File([o],s,{type:l}):new Blob([o],{type:l})}var Sr=["application/x-gtar","application/x-tar+gzip","application/x-gzip","application/gzip"];async function Jr(e,r,t){let n=new Uint8Array(await r.arrayBuffer()),i=typeof File<"u"&&r instanceof File?r.name:void 0;(Sr.includes(r.type)||i?.endsWith(".tgz")||i?.endsWith(".tar.gz"))&&(n=await Te(n));let a;try{a=(0,O.untar)(n)}catch(s){if(s instanceof Error&&s.message.includes("File is corrupted"))n=await Te(n),a=(0,O.untar)(n);else throw s}for(let s of a){let l=`${t}/${s.name}`,u=l.split("/").slice(0,-1);for(let c=1;c<=u.length;c++){let _=u.slice(0,c).join("/");_.length&&!e.analyzePath(_).exists&&e.mkdirTree(_)}if(s.type===O.REGTYPE){e.writeFile(l,s.data);let c=Ar(s.modifyTime);e.utime(l,c,c)}else s.type===O.DIRTYPE&&(e.analyzePath(l).exists||e.mkdir(l))}}function gr(e,r){let t=[],n=i=>{e.readdir(i).forEach(a=>{if(a==="."||a==="..")return;let s=i+"/"+a,l=e.stat(s),u=e.isFile(l.mode)?e.readFile(s,{encoding:"binary"}):new Uint8Array(0);t.push({name:s.substring(r.length),mode:l.mode,size:l.size,type:e.isFile(l.mode)?O.REGTYPE:O.DIRTYPE,modifyTime:l.mtime,data:u}),e.isDir(l.mode)&&n(s)})};return n(r),t}function vr(e,r){let t=gr(e,r);return(0,O.tar)(t)}async function Er(e,r="auto"){if(r==="none")return[e,!1];if(typeof CompressionStream<"u")return[await Fr(e),!0];if(typeof process<"u"&&process.versions&&process.versions.node)return[await yr(e),!0];if(r==="auto")return[e,!1];throw new Error("Compression not supported in this environment")}async function Fr(e){let r=new CompressionStream("gzip"),t=r.writable.getWriter(),n=r.readable.getReader();t.write(e),t.close();let i=[];for(;;){let{value:s,done:l}=await n.read();if(l)break;s&&i.push(s)}let o=new Uint8Array(i.reduce((s,l)=>s+l.length,0)),a=0;return i.forEach(s=>{o.set(s,a),a+=s.length}),o}async function yr(e){let{promisify:r}=await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 9023, 19)),{gzip:t}=await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3106, 19));return await r(t)(e)}async function Te(e){if(typeof CompressionStream<"u")return await hr(e);if(typeof process<"u"&&process.versions&&process.versions.node)return await wr(e);throw new Error("Unsupported environment for decompression")}async function hr(e){let r=new DecompressionStream("gzip"),t=r.writable.getWriter(),n=r.readable.getReader();t.write(e),t.close();let i=[];for(;;){let{value:s,done:l}=await n.read();if(l)break;s&&i.push(s)}let o=new Uint8Array(i.reduce((s,l)=>s+l.length,0)),a=0;return i.forEach(s=>{o.set(s,a),a+=s.length}),o}async function wr(e){let{promisify:r}=await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 9023, 19)),{gunzip:t}=await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3106, 19));return await r(t)(e)}function Ar(e){return e?typeof e=="number"?e*1e3:e.getTime():Date.now()}(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();async function br(moduleArg={}){var Module=moduleArg,ENVIRONMENT_IS_WEB=!!globalThis.window,ENVIRONMENT_IS_WORKER=!!globalThis.WorkerGlobalScope,ENVIRONMENT_IS_NODE=globalThis.process?.versions?.node&&globalThis.process?.type!="renderer";if(ENVIRONMENT_IS_NODE){let{createRequire:e}=await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1376, 19));var require=e(import.meta.url)}var programArgs=[],thisProgram="./this.program",quit_=(e,r)=>{throw r},_scriptName=import.meta.url,scriptDirectory="";function locateFile(e){return Module.locateFile?Module.locateFile(e,scriptDirectory):scriptDirectory+e}var readAsync,readBinary;if(ENVIRONMENT_IS_NODE){var fs=require("node:fs");_scriptName.startsWith("file:")&&(scriptDirectory=require("node:path").dirname(require("node:url").fileURLToPath(_scriptName))+"/"),readBinary=e=>{e=isFileURI(e)?new URL(e):e;var r=fs.readFileSync(e);return r},readAsync=async(e,r=!0)=>{e=isFileURI(e)?new URL(e):e;var t=fs.readFileSync(e,r?void 0:"utf8");return t},process.argv.length>1&&(thisProgram=process.argv[1].replace(/\\/g,"/")),programArgs=process.argv.slice(2),quit_=(e,r)=>{throw process.exitCode=e,r}}else if(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER){try{scriptDirectory=new URL(".",_scriptName).href}catch{}ENVIRONMENT_IS_WORKER&&(readBinary=e=>{var r=new XMLHttpRequest;return r.open("GET",e,!1),r.responseType="arraybuffer",r.send(null),new Uint8Array(r.response)}),readAsync=async e=>{var r=await fetch(e,{credentials:"same-origin"});if(r.ok)return r.arrayBuffer();throw new Error(r.status+" : "+r.url)}}var out=console.log.bind(console),err=console.error.bind(console),dynamicLibraries=[],wasmBinary,ABORT=!1,EXITSTATUS,isFileURI=e=>e.startsWith("file://");class EmscriptenEH{}class EmscriptenSjLj extends EmscriptenEH{}var runtimeInitialized=!1,runtimeExited=!1;function getMemoryBuffer(){return wasmMemory.buffer}function updateMemoryViews(){if(!HEAP8?.buffer?.resizable){var e=getMemoryBuffer();HEAP8=new Int8Array(e),HEAP16=new Int16Array(e),Module.HEAPU8=HEAPU8=new Uint8Array(e),HEAPU16=new Uint16Array(e),HEAP32=new Int32Array(e),HEAPU32=new Uint32Array(e),HEAPF32=new Float32Array(e),HEAPF64=new Float64Array(e),HEAP64=new BigInt64Array(e),HEAPU64=new BigUint64Array(e)}}var __RELOC_FUNCS__=[];function preRun(){var e=Module.preRun;e&&(typeof e=="function"&&(e=[e]),onPreRuns.push(...e)),callRuntimeCallbacks(onPreRuns)}function initRuntime(){runtimeInitialized=!0,callRuntimeCallbacks(__RELOC_FUNCS__),!Module.noFSInit&&!FS.initialized&&FS.init(),TTY.init(),wasmExports.__wasm_call_ctors(),callRuntimeCallbacks(onPostCtors),FS.ignorePermissions=!1}function exitRuntime(){___funcs_on_exit(),FS.quit(),TTY.shutdown(),clearTimers(),runtimeExited=!0}function postRun(){var e=Module.postRun;e&&(typeof e=="function"&&(e=[e]),onPostRuns.push(...e)),callRuntimeCallbacks(onPostRuns)}function abort(e){throw Module.onAbort?.(e),e=`Aborted(${e})`,err(e),ABORT=!0,e+=". Build with -sASSERTIONS for more info.",new WebAssembly.RuntimeError(e)}var wasmBinaryFile;function findWasmBinary(){return Module.locateFile?locateFile("initdb.wasm"):__webpack_require__.ab + "initdb.wasm"}function getBinarySync(e){if(readBinary)return readBinary(e);throw"both async and sync fetching of the wasm failed"}async function getWasmBinary(e){if(!wasmBinary)try{var r=await readAsync(e);return new Uint8Array(r)}catch{}return getBinarySync(e)}async function instantiateArrayBuffer(e,r){try{var t=await getWasmBinary(e),n=await WebAssembly.instantiate(t,r);return n}catch(i){err(`failed to asynchronously prepare wasm: ${i}`),abort(i)}}async function instantiateAsync(e,r,t){if(!e&&!ENVIRONMENT_IS_NODE)try{var n=fetch(r,{credentials:"same-origin"}),i=await WebAssembly.instantiateStreaming(n,t);return i}catch(o){err(`wasm streaming compile failed: ${o}`),err("falling back to ArrayBuffer instantiation")}return instantiateArrayBuffer(r,t)}function getWasmImports(){var e=new Proxy(new Set([]),GOTHandler),r={env:wasmImports,wasi_snapshot_preview1:wasmImports,"GOT.mem":e,"GOT.func":e};return r}async function createWasm(){async function e(o,a){wasmExports=o.exports;var s=wasmExports;mergeLibSymbols(wasmExports,"main");var l=getDylinkMetadata(a);return l.neededDynlibs&&(dynamicLibraries=l.neededDynlibs.concat(dynamicLibraries)),assignWasmExports(wasmExports),updateGOT(s),updateMemoryViews(),LDSO.init(),await loadDylibs(),wasmExports}var r=getWasmImports(),t=Module.instantiateWasm;if(t)return new Promise(o=>{t(r,(a,s)=>o(e(a,s)))});wasmBinaryFile??(wasmBinaryFile=findWasmBinary());var n=await instantiateAsync(wasmBinary,wasmBinaryFile,r),i=await(function(o){return e(o.instance,o.module)})(n);return i}class ExitStatus{constructor(r){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.d)(this,"name","ExitStatus");this.message=`Program terminated with exit(${r})`,this.status=r}}var GOT={},GOTHandler={get(e,r){var t=GOT[r];return t||(t=GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0},-1)),e.has(r)||(t.required=!0),t}},HEAP16,HEAP32,HEAP64,HEAP8,HEAPF32,HEAPF64,HEAPU16,HEAPU32,HEAPU64,HEAPU8,callRuntimeCallbacks=e=>{for(;e.length>0;)e.shift()(Module)},onPostRuns=[],onPreRuns=[],UTF8Decoder=globalThis.TextDecoder&&new TextDecoder,findStringEnd=(e,r,t,n)=>{var i=r+t;if(n)return i;for(;e[r]&&!(r>=i);)++r;return r},UTF8ArrayToString=(e,r=0,t,n)=>{var i=findStringEnd(e,r,t,n);if(i-r>16&&e.buffer&&UTF8Decoder)return UTF8Decoder.decode(e.subarray(r,i));for(var o="";r<i;){var a=e[r++];if(!(a&128)){o+=String.fromCharCode(a);continue}var s=e[r++]&63;if((a&224)==192){o+=String.fromCharCode((a&31)<<6|s);continue}var l=e[r++]&63;if((a&240)==224?a=(a&15)<<12|s<<6|l:a=(a&7)<<18|s<<12|l<<6|e[r++]&63,a<65536)o+=String.fromCharCode(a);else{var u=a-65536;o+=String.fromCharCode(55296|u>>10,56320|u&1023)}}return o},getDylinkMetadata=e=>{var r=0,t=0;function n(){return e[r++]}function i(){for(var d=0,g=1;;){var v=e[r++];if(d+=(v&127)*g,g*=128,!(v&128))break}return d}function o(){var d=i();return r+=d,UTF8ArrayToString(e,r-d,d)}function a(){for(var d=i(),g=[];d--;)g.push(o());return g}function s(d,g){if(d)throw new Error(g)}if(e instanceof WebAssembly.Module){var l=WebAssembly.Module.customSections(e,"dylink.0");s(!l.length,"need dylink section"),e=new Uint8Array(l[0]),t=e.length}else{var u=new Uint32Array(new Uint8Array(e.subarray(0,24)).buffer),c=u[0]==1836278016;s(!c,"need to see wasm magic number"),s(e[8],"need the dylink section to be first"),r=9;var _=i();t=r+_;var m=o();s(m!=="dylink.0")}for(var f={neededDynlibs:[],tlsExports:new Set,weakImports:new Set,runtimePaths:[]};r<t;){var p=n(),F=i();if(p===1)f.memorySize=i(),f.memoryAlign=i(),f.tableSize=i(),f.tableAlign=i();else if(p===2)f.neededDynlibs=a();else if(p===3)for(var S=i();S--;){var E=o(),y=i();y&256&&f.tlsExports.add(E)}else if(p===4)for(S=i();S--;)o(),E=o(),y=i(),(y&3)==1&&f.weakImports.add(E);else if(p===5)f.runtimePaths=a();else if(p===6){var A=o();s(A!=="wasm32",`incorrect architecture (${A} vs wasm32)`)}else r+=F}return f},newDSO=(e,r,t)=>{var n={refcount:1/0,name:e,exports:t,global:!0};return LDSO.loadedLibsByName[e]=n,r!=null&&(LDSO.loadedLibsByHandle[r]=n),n},LDSO={loadedLibsByName:{},loadedLibsByHandle:{},init(){newDSO("__main__",0,wasmImports)}},alignMemory=(e,r)=>Math.ceil(e/r)*r,getMemory=e=>{if(runtimeInitialized)return _calloc(e,1);var r=___heap_base,t=r+alignMemory(e,16);___heap_base=t;var n=_emscripten_get_sbrk_ptr();return HEAPU32[n>>2]=t,r},isInternalSym=e=>["memory","__memory_base","__table_base","__stack_pointer","__indirect_function_table","__cpp_exception","__c_longjmp","__wasm_apply_data_relocs","__dso_handle","__tls_size","__tls_align","__set_stack_limits","_emscripten_tls_init","__wasm_init_tls","__wasm_call_ctors","__start_em_asm","__stop_em_asm","__start_em_js","__stop_em_js"].includes(e)||e.startsWith("__em_js__"),wasmTableMirror=[],getWasmTableEntry=e=>{var r=wasmTableMirror[e];return r||(wasmTableMirror[e]=r=wasmTable.get(e)),r},updateTableMap=(e,r)=>{if(functionsInTableMap)for(var t=e;t<e+r;t++){var n=getWasmTableEntry(t);n&&functionsInTableMap.set(n,t)}},functionsInTableMap,getFunctionAddress=e=>(functionsInTableMap||(functionsInTableMap=new WeakMap,updateTableMap(0,wasmTable.length)),functionsInTableMap.get(e)||0),freeTableIndexes=[],getEmptyTableSlot=()=>freeTableIndexes.length?freeTableIndexes.pop():wasmTable.grow(1),setWasmTableEntry=(e,r)=>{wasmTable.set(e,r),wasmTableMirror[e]=wasmTable.get(e)},uleb128EncodeWithLen=e=>{let r=e.length;return[r%128|128,r>>7,...e]},wasmTypeCodes={i:127,p:127,j:126,f:125,d:124,e:111},generateTypePack=e=>uleb128EncodeWithLen(Array.from(e,r=>{var t=wasmTypeCodes[r];return t})),convertJsFunctionToWasm=(e,r)=>{var t=Uint8Array.of(0,97,115,109,1,0,0,0,1,...uleb128EncodeWithLen([1,96,...generateTypePack(r.slice(1)),...generateTypePack(r[0]==="v"?"":r[0])]),2,7,1,1,101,1,102,0,0,7,5,1,1,102,0,0),n=new WebAssembly.Module(t),i=new WebAssembly.Instance(n,{e:{f:e}}),o=i.exports.f;return o},addFunction=(e,r)=>{var t=getFunctionAddress(e);if(t)return t;var n=getEmptyTableSlot();try{setWasmTableEntry(n,e)}catch(o){if(!(o instanceof TypeError))throw o;var i=convertJsFunctionToWasm(e,r);setWasmTableEntry(n,i)}return functionsInTableMap.set(e,n),n},updateGOT=(e,r)=>{for(var t in e)if(!isInternalSym(t)){var n=e[t],i=GOT[t]&&GOT[t].value!=-1;if(r||!i){var o;if(typeof n=="function")o=addFunction(n);else if(typeof n.value=="number")o=n;else continue;GOT[t]??(GOT[t]=new WebAssembly.Global({value:"i32",mutable:!0})),GOT[t].value=o}}},isImmutableGlobal=e=>{if(e instanceof WebAssembly.Global)try{e.value=e.value}catch{return!0}return!1},relocateExports=(e,r=0)=>{function t(o,a){return isImmutableGlobal(a)?new WebAssembly.Global({value:"i32"},a.value+r):a}var n={};for(var i in e)n[i]=t(0,e[i]);return n},isSymbolDefined=e=>{var r=wasmImports[e];return!(!r||r.stub)},createNamedFunction=(e,r)=>Object.defineProperty(r,"name",{value:e}),dynCall=(e,r,t=[])=>{var n=getWasmTableEntry(r),i=n(...t);return(function(o){return o})(i)},stackSave=()=>_emscripten_stack_get_current(),stackRestore=e=>__emscripten_stack_restore(e),createInvokeFunction=e=>(r,...t)=>{var n=stackSave();try{return dynCall(e,r,t)}catch(i){if(stackRestore(n),!(i instanceof EmscriptenEH))throw i;if(_setThrew(1,0),e[0]=="j")return 0n}},resolveGlobalSymbol=e=>{var r;return isSymbolDefined(e)?r=wasmImports[e]:e.startsWith("invoke_")&&(r=wasmImports[e]=createNamedFunction(e,createInvokeFunction(e.split("_")[1]))),{sym:r,name:e}},onPostCtors=[],addOnPostCtor=e=>{onPostCtors.push(e)},UTF8ToString=(e,r,t)=>e?UTF8ArrayToString(HEAPU8,e,r,t):"",loadWebAssemblyModule=(binary,flags,libName,localScope,handle)=>{var metadata=getDylinkMetadata(binary);function loadModule(){var memAlign=Math.pow(2,metadata.memoryAlign),memoryBase=metadata.memorySize?alignMemory(getMemory(metadata.memorySize+memAlign),memAlign):0,tableBase=metadata.tableSize?wasmTable.length:0;handle&&(HEAP8[handle+8]=1,HEAPU32[handle+12>>2]=memoryBase,HEAP32[handle+16>>2]=metadata.memorySize,HEAPU32[handle+20>>2]=tableBase,HEAP32[handle+24>>2]=metadata.tableSize),metadata.tableSize&&wasmTable.grow(metadata.tableSize);var moduleExports;function resolveSymbol(e){var r=resolveGlobalSymbol(e).sym;return!r&&localScope&&(r=localScope[e]),r||(r=moduleExports[e]),r}var proxyHandler={get(e,r){switch(r){case"__memory_base":return memoryBase;case"__table_base":return tableBase}if(r in wasmImports&&!wasmImports[r].stub){var t=wasmImports[r];return t}if(!(r in e)){var n;e[r]=(...i)=>(n||(n=resolveSymbol(r)),n(...i))}return e[r]}},proxy=new Proxy({},proxyHandler),GOTProxy=new Proxy(metadata.weakImports,GOTHandler),info={"GOT.mem":GOTProxy,"GOT.func":GOTProxy,env:proxy,wasi_snapshot_preview1:proxy};function postInstantiation(module,instance){updateTableMap(tableBase,metadata.tableSize),moduleExports=relocateExports(instance.exports,memoryBase),updateGOT(moduleExports),flags.allowUndefined||reportUndefinedSymbols();function addEmAsm(addr,body){for(var args=[],arity=0;;arity++){var argName="$"+arity;if(!body.includes(argName))break;args.push(argName)}args=args.join();var func=`(${args}) => { ${body} };`;ASM_CONSTS[start]=eval(func)}if("__start_em_asm"in moduleExports)for(var start=moduleExports.__start_em_asm.value,stop=moduleExports.__stop_em_asm.value;start<stop;){var jsString=UTF8ToString(start);addEmAsm(start,jsString),start=HEAPU8.indexOf(0,start)+1}function addEmJs(name,cSig,body){var jsArgs=[];if(cSig=cSig.slice(1,-1),cSig!="void"){cSig=cSig.split(",");for(var arg of cSig){var jsArg=arg.split(" ").pop();jsArgs.push(jsArg.replaceAll("*",""))}}var func=`(${jsArgs}) => ${body};`;moduleExports[name]=eval(func)}for(var name in moduleExports)if(name.startsWith("__em_js__")){var start=moduleExports[name].value,jsString=UTF8ToString(start),[sig,body]=jsString.split("<::>");addEmJs(name.replace("__em_js__",""),sig,body),delete moduleExports[name]}var applyRelocs=moduleExports.__wasm_apply_data_relocs;applyRelocs&&(runtimeInitialized?applyRelocs():__RELOC_FUNCS__.push(applyRelocs));var init=moduleExports.__wasm_call_ctors;return init&&(runtimeInitialized?init():addOnPostCtor(init)),moduleExports}if(flags.loadAsync)return(async()=>{var e;return binary instanceof WebAssembly.Module?e=new WebAssembly.Instance(binary,info):{module:binary,instance:e}=await WebAssembly.instantiate(binary,info),postInstantiation(binary,e)})();var module=binary instanceof WebAssembly.Module?binary:new WebAssembly.Module(binary),instance=new WebAssembly.Instance(module,info);return postInstantiation(module,instance)}if(flags={...flags,rpath:{parentLibPath:libName,paths:metadata.runtimePaths}},flags.loadAsync)return metadata.neededDynlibs.reduce((e,r)=>e.then(()=>(r=findLibraryFS(r,flags.rpath)??r,loadDynamicLibrary(r,flags,localScope))),Promise.resolve()).then(loadModule);for(var needed of metadata.neededDynlibs)needed=findLibraryFS(needed,flags.rpath)??needed,loadDynamicLibrary(needed,flags,localScope);return loadModule()},mergeLibSymbols=e=>{for(var[r,t]of Object.entries(e)){let n=o=>{isSymbolDefined(o)||(wasmImports[o]=t)};n(r);let i="__main_argc_argv";r=="main"&&n(i),r==i&&n("main")}},asyncLoad=async e=>{var r=await readAsync(e);return new Uint8Array(r)},preloadPlugins=[],registerWasmPlugin=()=>{var e={canHandle:r=>!Module.noWasmDecoding&&r.endsWith(".so"),handle:async(r,t)=>{try{var n=await loadWebAssemblyModule(r,{loadAsync:!0,nodelete:!0},t,{})}catch(i){throw new Error(`failed to instantiate wasm: ${t}: ${i}`)}return preloadedWasm[t]=n,r}};preloadPlugins.push(e)},preloadedWasm={},PATH={isAbs:e=>e.charAt(0)==="/",splitPath:e=>/^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/.exec(e).slice(1),normalizeArray:(e,r)=>{for(var t=0,n=e.length-1;n>=0;n--){var i=e[n];i==="."?e.splice(n,1):i===".."?(e.splice(n,1),t++):t&&(e.splice(n,1),t--)}if(r)for(;t;t--)e.unshift("..");return e},normalize:e=>{var r=PATH.isAbs(e),t=e.slice(-1)==="/";return e=PATH.normalizeArray(e.split("/").filter(n=>!!n),!r).join("/"),!e&&!r&&(e="."),e&&t&&(e+="/"),(r?"/":"")+e},dirname:e=>{var r=PATH.splitPath(e),t=r[0],n=r[1];return!t&&!n?".":(n&&(n=n.slice(0,-1)),t+n)},basename:e=>e&&e.match(/([^\/]+|\/)\/*$/)[1],join:(...e)=>PATH.normalize(e.join("/")),join2:(e,r)=>PATH.normalize(e+"/"+r)},replaceORIGIN=(e,r)=>{if(r.startsWith("$ORIGIN")){var t=PATH.dirname(e);return r.replace("$ORIGIN",t)}return r},withStackSave=e=>{var r=stackSave(),t=e();return stackRestore(r),t},stackAlloc=e=>__emscripten_stack_alloc(e),lengthBytesUTF8=e=>{for(var r=0,t=0;t<e.length;++t){var n=e.charCodeAt(t);n<=127?r++:n<=2047?r+=2:n>=55296&&n<=57343?(r+=4,++t):r+=3}return r},stringToUTF8Array=(e,r,t,n)=>{if(!(n>0))return 0;for(var i=t,o=t+n-1,a=0;a<e.length;++a){var s=e.codePointAt(a);if(s<=127){if(t>=o)break;r[t++]=s}else if(s<=2047){if(t+1>=o)break;r[t++]=192|s>>6,r[t++]=128|s&63}else if(s<=65535){if(t+2>=o)break;r[t++]=224|s>>12,r[t++]=128|s>>6&63,r[t++]=128|s&63}else{if(t+3>=o)break;r[t++]=240|s>>18,r[t++]=128|s>>12&63,r[t++]=128|s>>6&63,r[t++]=128|s&63,a++}}return r[t]=0,t-i},stringToUTF8=(e,r,t)=>stringToUTF8Array(e,HEAPU8,r,t),stringToUTF8OnStack=e=>{var r=lengthBytesUTF8(e)+1,t=stackAlloc(r);return stringToUTF8(e,t,r),t},initRandomFill=()=>{if(ENVIRONMENT_IS_NODE){var e=require("node:crypto");return r=>(e.randomFillSync(r),0)}return r=>(crypto.getRandomValues(r),0)},randomFill=e=>(randomFill=initRandomFill())(e),PATH_FS={resolve:(...e)=>{for(var r="",t=!1,n=e.length-1;n>=-1&&!t;n--){var i=n>=0?e[n]:FS.cwd();if(typeof i!="string")throw new TypeError("Arguments to path.resolve must be strings");if(!i)return"";r=i+"/"+r,t=PATH.isAbs(i)}return r=PATH.normalizeArray(r.split("/").filter(o=>!!o),!t).join("/"),(t?"/":"")+r||"."},relative:(e,r)=>{e=PATH_FS.resolve(e).slice(1),r=PATH_FS.resolve(r).slice(1);function t(u){for(var c=0;c<u.length&&u[c]==="";c++);for(var _=u.length-1;_>=0&&u[_]==="";_--);return c>_?[]:u.slice(c,_-c+1)}for(var n=t(e.split("/")),i=t(r.split("/")),o=Math.min(n.length,i.length),a=o,s=0;s<o;s++)if(n[s]!==i[s]){a=s;break}var l=[];for(s=a;s<n.length;s++)l.push("..");return l=l.concat(i.slice(a)),l.join("/")}},FS_stdin_getChar_buffer=[],intArrayFromString=(e,r,t)=>{var n=t>0?t:lengthBytesUTF8(e)+1,i=new Array(n),o=stringToUTF8Array(e,i,0,i.length);return r&&(i.length=o),i},FS_stdin_getChar=()=>{if(!FS_stdin_getChar_buffer.length){var e=null;if(ENVIRONMENT_IS_NODE){var r=Buffer.alloc(256),t=0;try{t=fs.readSync(process.stdin.fd,r,0,256)}catch(n){if(n.toString().includes("EOF"))t=0;else throw n}t>0&&(e=r.toString("utf-8",0,t))}else globalThis.window?.prompt&&(e=window.prompt("Input: "),e!==null&&(e+=`
`));if(!e)return null;FS_stdin_getChar_buffer=intArrayFromString(e,!0)}return FS_stdin_getChar_buffer.shift()},TTY={ttys:[],init(){},shutdown(){},register(e,r){TTY.ttys[e]={input:[],output:[],ops:r},FS.registerDevice(e,TTY.stream_ops)},stream_ops:{open(e){var r=TTY.ttys[e.node.rdev];if(!r)throw new FS.ErrnoError(43);e.tty=r,e.seekable=!1},close(e){e.tty.ops.fsync(e.tty)},fsync(e){e.tty.ops.fsync(e.tty)},read(e,r,t,n,i){if(!e.tty||!e.tty.ops.get_char)throw new FS.ErrnoError(60);for(var o=0,a=0;a<n;a++){var s;try{s=e.tty.ops.get_char(e.tty)}catch{throw new FS.ErrnoError(29)}if(s===void 0&&!o)throw new FS.ErrnoError(6);if(s==null||(o++,r[t+a]=s,s===10))break}return o&&(e.node.atime=Date.now()),o},write(e,r,t,n,i){if(!e.tty||!e.tty.ops.put_char)throw new FS.ErrnoError(60);try{for(var o=0;o<n;o++)e.tty.ops.put_char(e.tty,r[t+o])}catch{throw new FS.ErrnoError(29)}return n&&(e.node.mtime=e.node.ctime=Date.now()),o}},default_tty_ops:{get_char(e){return FS_stdin_getChar()},put_char(e,r){r===null||r===10?(out(UTF8ArrayToString(e.output)),e.output=[]):r!=0&&e.output.push(r)},fsync(e){e.output?.length>0&&(out(UTF8ArrayToString(e.output)),e.output=[])},ioctl_tcgets(e){return{c_iflag:25856,c_oflag:5,c_cflag:191,c_lflag:35387,c_cc:[3,28,127,21,4,0,1,0,17,19,26,0,18,15,23,22,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}},ioctl_tcsets(e,r,t){return 0},ioctl_tiocgwinsz(e){return[24,80]}},default_tty1_ops:{put_char(e,r){r===null||r===10?(err(UTF8ArrayToString(e.output)),e.output=[]):r!=0&&e.output.push(r)},fsync(e){e.output?.length>0&&(err(UTF8ArrayToString(e.output)),e.output=[])}}},zeroMemory=(e,r)=>HEAPU8.fill(0,e,e+r),mmapAlloc=e=>{e=alignMemory(e,65536);var r=_emscripten_builtin_memalign(65536,e);return r&&zeroMemory(r,e),r},MEMFS={ops_table:null,mount(e){return MEMFS.createNode(null,"/",16895,0)},createNode(e,r,t,n){if(FS.isBlkdev(t)||FS.isFIFO(t))throw new FS.ErrnoError(63);MEMFS.ops_table||(MEMFS.ops_table={dir:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,lookup:MEMFS.node_ops.lookup,mknod:MEMFS.node_ops.mknod,rename:MEMFS.node_ops.rename,unlink:MEMFS.node_ops.unlink,rmdir:MEMFS.node_ops.rmdir,readdir:MEMFS.node_ops.readdir,symlink:MEMFS.node_ops.symlink},stream:{llseek:MEMFS.stream_ops.llseek}},file:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:{llseek:MEMFS.stream_ops.llseek,read:MEMFS.stream_ops.read,write:MEMFS.stream_ops.write,mmap:MEMFS.stream_ops.mmap,msync:MEMFS.stream_ops.msync}},link:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,readlink:MEMFS.node_ops.readlink},stream:{}},chrdev:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:FS.chrdev_stream_ops}});var i=FS.createNode(e,r,t,n);return FS.isDir(i.mode)?(i.node_ops=MEMFS.ops_table.dir.node,i.stream_ops=MEMFS.ops_table.dir.stream,i.contents={}):FS.isFile(i.mode)?(i.node_ops=MEMFS.ops_table.file.node,i.stream_ops=MEMFS.ops_table.file.stream,i.usedBytes=0,i.contents=MEMFS.emptyFileContents??(MEMFS.emptyFileContents=new Uint8Array(0))):FS.isLink(i.mode)?(i.node_ops=MEMFS.ops_table.link.node,i.stream_ops=MEMFS.ops_table.link.stream):FS.isChrdev(i.mode)&&(i.node_ops=MEMFS.ops_table.chrdev.node,i.stream_ops=MEMFS.ops_table.chrdev.stream),i.atime=i.mtime=i.ctime=Date.now(),e&&(e.contents[r]=i,e.atime=e.mtime=e.ctime=i.atime),i},getFileDataAsTypedArray(e){return e.contents.subarray(0,e.usedBytes)},expandFileStorage(e,r){var t=e.contents.length;if(!(t>=r)){r=Math.max(r,t*(t<1048576?2:1.125)>>>0),t&&(r=Math.max(r,256));var n=MEMFS.getFileDataAsTypedArray(e);e.contents=new Uint8Array(r),e.contents.set(n)}},resizeFileStorage(e,r){if(e.usedBytes!=r){var t=e.contents;e.contents=new Uint8Array(r),e.contents.set(t.subarray(0,Math.min(r,e.usedBytes))),e.usedBytes=r}},node_ops:{getattr(e){var r={};return r.dev=FS.isChrdev(e.mode)?e.id:1,r.ino=e.id,r.mode=e.mode,r.nlink=1,r.uid=0,r.gid=0,r.rdev=e.rdev,FS.isDir(e.mode)?r.size=4096:FS.isFile(e.mode)?r.size=e.usedBytes:FS.isLink(e.mode)?r.size=e.link.length:r.size=0,r.atime=new Date(e.atime),r.mtime=new Date(e.mtime),r.ctime=new Date(e.ctime),r.blksize=4096,r.blocks=Math.ceil(r.size/r.blksize),r},setattr(e,r){for(let t of["mode","atime","mtime","ctime"])r[t]!=null&&(e[t]=r[t]);r.size!==void 0&&MEMFS.resizeFileStorage(e,r.size)},lookup(e,r){throw MEMFS.doesNotExistError||(MEMFS.doesNotExistError=new FS.ErrnoError(44),MEMFS.doesNotExistError.stack="<generic error, no stack>"),MEMFS.doesNotExistError},mknod(e,r,t,n){return MEMFS.createNode(e,r,t,n)},rename(e,r,t){var n;try{n=FS.lookupNode(r,t)}catch{}if(n&&FS.isDir(e.mode))for(var i in n.contents)throw new FS.ErrnoError(55);delete e.parent.contents[e.name],r.contents[t]=e,e.name=t,r.ctime=r.mtime=e.parent.ctime=e.parent.mtime=Date.now()},unlink(e,r){delete e.contents[r],e.ctime=e.mtime=Date.now()},rmdir(e,r){var t=FS.lookupNode(e,r);for(var n in t.contents)throw new FS.ErrnoError(55);delete e.contents[r],e.ctime=e.mtime=Date.now()},readdir(e){return[".","..",...Object.keys(e.contents)]},symlink(e,r,t){var n=MEMFS.createNode(e,r,41471,0);return n.link=t,n},readlink(e){if(!FS.isLink(e.mode))throw new FS.ErrnoError(28);return e.link}},stream_ops:{read(e,r,t,n,i){var o=e.node.contents;if(i>=e.node.usedBytes)return 0;var a=Math.min(e.node.usedBytes-i,n);return r.set(o.subarray(i,i+a),t),a},write(e,r,t,n,i,o){if(r.buffer===HEAP8.buffer&&(o=!1),!n)return 0;var a=e.node;return a.mtime=a.ctime=Date.now(),o?(a.contents=r.subarray(t,t+n),a.usedBytes=n):!a.usedBytes&&!i?(a.contents=r.slice(t,t+n),a.usedBytes=n):(MEMFS.expandFileStorage(a,i+n),a.contents.set(r.subarray(t,t+n),i),a.usedBytes=Math.max(a.usedBytes,i+n)),n},llseek(e,r,t){var n=r;if(t===1?n+=e.position:t===2&&FS.isFile(e.node.mode)&&(n+=e.node.usedBytes),n<0)throw new FS.ErrnoError(28);return n},mmap(e,r,t,n,i){if(!FS.isFile(e.node.mode))throw new FS.ErrnoError(43);var o,a,s=e.node.contents;if(!(i&2)&&s.buffer===HEAP8.buffer)a=!1,o=s.byteOffset;else{if(a=!0,o=mmapAlloc(r),!o)throw new FS.ErrnoError(48);s&&((t>0||t+r<s.length)&&(s.subarray?s=s.subarray(t,t+r):s=Array.prototype.slice.call(s,t,t+r)),HEAP8.set(s,o))}return{ptr:o,allocated:a}},msync(e,r,t,n,i){return MEMFS.stream_ops.write(e,r,0,n,t,!1),0}}},FS_modeStringToFlags=e=>{if(typeof e!="string")return e;var r={r:0,"r+":2,w:577,"w+":578,a:1089,"a+":1090}[e];if(typeof r>"u")throw new Error(`Unknown file open mode: ${e}`);return r},FS_fileDataToTypedArray=e=>(typeof e=="string"&&(e=intArrayFromString(e,!0)),e.subarray||(e=new Uint8Array(e)),e),FS_getMode=(e,r)=>{var t=0;return e&&(t|=365),r&&(t|=146),t},ERRNO_CODES={EPERM:63,ENOENT:44,ESRCH:71,EINTR:27,EIO:29,ENXIO:60,E2BIG:1,ENOEXEC:45,EBADF:8,ECHILD:12,EAGAIN:6,EWOULDBLOCK:6,ENOMEM:48,EACCES:2,EFAULT:21,ENOTBLK:105,EBUSY:10,EEXIST:20,EXDEV:75,ENODEV:43,ENOTDIR:54,EISDIR:31,EINVAL:28,ENFILE:41,EMFILE:33,ENOTTY:59,ETXTBSY:74,EFBIG:22,ENOSPC:51,ESPIPE:70,EROFS:69,EMLINK:34,EPIPE:64,EDOM:18,ERANGE:68,ENOMSG:49,EIDRM:24,ECHRNG:106,EL2NSYNC:156,EL3HLT:107,EL3RST:108,ELNRNG:109,EUNATCH:110,ENOCSI:111,EL2HLT:112,EDEADLK:16,ENOLCK:46,EBADE:113,EBADR:114,EXFULL:115,ENOANO:104,EBADRQC:103,EBADSLT:102,EDEADLOCK:16,EBFONT:101,ENOSTR:100,ENODATA:116,ETIME:117,ENOSR:118,ENONET:119,ENOPKG:120,EREMOTE:121,ENOLINK:47,EADV:122,ESRMNT:123,ECOMM:124,EPROTO:65,EMULTIHOP:36,EDOTDOT:125,EBADMSG:9,ENOTUNIQ:126,EBADFD:127,EREMCHG:128,ELIBACC:129,ELIBBAD:130,ELIBSCN:131,ELIBMAX:132,ELIBEXEC:133,ENOSYS:52,ENOTEMPTY:55,ENAMETOOLONG:37,ELOOP:32,EOPNOTSUPP:138,EPFNOSUPPORT:139,ECONNRESET:15,ENOBUFS:42,EAFNOSUPPORT:5,EPROTOTYPE:67,ENOTSOCK:57,ENOPROTOOPT:50,ESHUTDOWN:140,ECONNREFUSED:14,EADDRINUSE:3,ECONNABORTED:13,ENETUNREACH:40,ENETDOWN:38,ETIMEDOUT:73,EHOSTDOWN:142,EHOSTUNREACH:23,EINPROGRESS:26,EALREADY:7,EDESTADDRREQ:17,EMSGSIZE:35,EPROTONOSUPPORT:66,ESOCKTNOSUPPORT:137,EADDRNOTAVAIL:4,ENETRESET:39,EISCONN:30,ENOTCONN:53,ETOOMANYREFS:141,EUSERS:136,EDQUOT:19,ESTALE:72,ENOTSUP:138,ENOMEDIUM:148,EILSEQ:25,EOVERFLOW:61,ECANCELED:11,ENOTRECOVERABLE:56,EOWNERDEAD:62,ESTRPIPE:135},PROXYFS={mount(e){return PROXYFS.createNode(null,"/",e.opts.fs.lstat(e.opts.root).mode,0)},createNode(e,r,t,n){if(!FS.isDir(t)&&!FS.isFile(t)&&!FS.isLink(t))throw new FS.ErrnoError(ERRNO_CODES.EINVAL);var i=FS.createNode(e,r,t);return i.node_ops=PROXYFS.node_ops,i.stream_ops=PROXYFS.stream_ops,i},realPath(e){for(var r=[];e.parent!==e;)r.push(e.name),e=e.parent;return r.push(e.mount.opts.root),r.reverse(),PATH.join(...r)},node_ops:{getattr(e){var r=PROXYFS.realPath(e),t;try{t=e.mount.opts.fs.lstat(r)}catch(n){throw n.code?new FS.ErrnoError(ERRNO_CODES[n.code]):n}return{dev:t.dev,ino:t.ino,mode:t.mode,nlink:t.nlink,uid:t.uid,gid:t.gid,rdev:t.rdev,size:t.size,atime:t.atime,mtime:t.mtime,ctime:t.ctime,blksize:t.blksize,blocks:t.blocks}},setattr(e,r){var t=PROXYFS.realPath(e);try{if(r.mode!==void 0&&(e.mount.opts.fs.chmod(t,r.mode),e.mode=r.mode),r.atime||r.mtime){var n=new Date(r.atime||r.mtime),i=new Date(r.mtime||r.atime);e.mount.opts.fs.utime(t,n,i)}r.size!==void 0&&e.mount.opts.fs.truncate(t,r.size)}catch(o){throw o.code?new FS.ErrnoError(ERRNO_CODES[o.code]):o}},lookup(e,r){try{var t=PATH.join2(PROXYFS.realPath(e),r),n=e.mount.opts.fs.lstat(t).mode,i=PROXYFS.createNode(e,r,n);return i}catch(o){throw o.code?new FS.ErrnoError(ERRNO_CODES[o.code]):o}},mknod(e,r,t,n){var i=PROXYFS.createNode(e,r,t,n),o=PROXYFS.realPath(i);try{FS.isDir(i.mode)?i.mount.opts.fs.mkdir(o,i.mode):i.mount.opts.fs.writeFile(o,"",{mode:i.mode})}catch(a){throw a.code?new FS.ErrnoError(ERRNO_CODES[a.code]):a}return i},rename(e,r,t){var n=PROXYFS.realPath(e),i=PATH.join2(PROXYFS.realPath(r),t);try{e.mount.opts.fs.rename(n,i),e.name=t}catch(o){throw o.code?new FS.ErrnoError(ERRNO_CODES[o.code]):o}},unlink(e,r){var t=PATH.join2(PROXYFS.realPath(e),r);try{e.mount.opts.fs.unlink(t)}catch(n){throw n.code?new FS.ErrnoError(ERRNO_CODES[n.code]):n}},rmdir(e,r){var t=PATH.join2(PROXYFS.realPath(e),r);try{e.mount.opts.fs.rmdir(t)}catch(n){throw n.code?new FS.ErrnoError(ERRNO_CODES[n.code]):n}},readdir(e){var r=PROXYFS.realPath(e);try{return e.mount.opts.fs.readdir(r)}catch(t){throw t.code?new FS.ErrnoError(ERRNO_CODES[t.code]):t}},symlink(e,r,t){var n=PATH.join2(PROXYFS.realPath(e),r);try{e.mount.opts.fs.symlink(t,n)}catch(i){throw i.code?new FS.ErrnoError(ERRNO_CODES[i.code]):i}},readlink(e){var r=PROXYFS.realPath(e);try{return e.mount.opts.fs.readlink(r)}catch(t){throw t.code?new FS.ErrnoError(ERRNO_CODES[t.code]):t}}},stream_ops:{open(e){var r=PROXYFS.realPath(e.node);try{e.nfd=e.node.mount.opts.fs.open(r,e.flags)}catch(t){throw t.code?new FS.ErrnoError(ERRNO_CODES[t.code]):t}},close(e){try{e.node.mount.opts.fs.close(e.nfd)}catch(r){throw r.code?new FS.ErrnoError(ERRNO_CODES[r.code]):r}},read(e,r,t,n,i){try{return e.node.mount.opts.fs.read(e.nfd,r,t,n,i)}catch(o){throw o.code?new FS.ErrnoError(ERRNO_CODES[o.code]):o}},write(e,r,t,n,i){try{return e.node.mount.opts.fs.write(e.nfd,r,t,n,i)}catch(o){throw o.code?new FS.ErrnoError(ERRNO_CODES[o.code]):o}},llseek(e,r,t){var n=r;if(t===1)n+=e.position;else if(t===2&&FS.isFile(e.node.mode))try{var i=e.node.node_ops.getattr(e.node);n+=i.size}catch(o){throw new FS.ErrnoError(ERRNO_CODES[o.code])}if(n<0)throw new FS.ErrnoError(ERRNO_CODES.EINVAL);return n}}},FS_createDataFile=(...e)=>FS.createDataFile(...e),getUniqueRunDependency=e=>e,dependenciesPromise=null,resolveRunDependencies=async()=>dependenciesPromise,runDependencies=0,dependenciesPromiseResolve=null,removeRunDependency=()=>{runDependencies--,Module.monitorRunDependencies?.(runDependencies),runDependencies||dependenciesPromiseResolve()},addRunDependency=()=>{runDependencies||(dependenciesPromise=new Promise(e=>dependenciesPromiseResolve=e)),runDependencies++,Module.monitorRunDependencies?.(runDependencies)},FS_handledByPreloadPlugin=async(e,r)=>{typeof Browser<"u"&&Browser.init();for(var t of preloadPlugins)if(t.canHandle(r))return t.handle(e,r);return e},FS_preloadFile=async(e,r,t,n,i,o,a,s)=>{var l=r?PATH_FS.resolve(PATH.join2(e,r)):e,u=getUniqueRunDependency(`cp ${l}`);addRunDependency(u);try{var c=t;typeof t=="string"&&(c=await asyncLoad(t)),c=await FS_handledByPreloadPlugin(c,l),s?.(),o||FS_createDataFile(e,r,c,n,i,a)}finally{removeRunDependency(u)}},FS_createPreloadedFile=(e,r,t,n,i,o,a,s,l,u)=>{FS_preloadFile(e,r,t,n,i,s,l,u).then(o).catch(a)},FS={root:null,mounts:[],devices:{},streams:[],nextInode:1,nameTable:[],currentPath:"/",initialized:!1,ignorePermissions:!0,syncFSRequests:0,ErrnoError:class{constructor(e){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.d)(this,"name","ErrnoError");this.errno=e}},FSStream:class{constructor(){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.d)(this,"shared",{})}get object(){return this.node}set object(e){this.node=e}get isRead(){return(this.flags&2097155)!==1}get isWrite(){return(this.flags&2097155)!==0}get isAppend(){return this.flags&1024}get flags(){return this.shared.flags}set flags(e){this.shared.flags=e}get position(){return this.shared.position}set position(e){this.shared.position=e}},FSNode:class{constructor(e,r,t,n){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.d)(this,"node_ops",{});(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.d)(this,"stream_ops",{});(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.d)(this,"readMode",365);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.d)(this,"writeMode",146);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.d)(this,"mounted",null);e||(e=this),this.parent=e,this.mount=e.mount,this.id=FS.nextInode++,this.name=r,this.mode=t,this.rdev=n,this.atime=this.mtime=this.ctime=Date.now()}get read(){return(this.mode&this.readMode)===this.readMode}set read(e){e?this.mode|=this.readMode:this.mode&=~this.readMode}get write(){return(this.mode&this.writeMode)===this.writeMode}set write(e){e?this.mode|=this.writeMode:this.mode&=~this.writeMode}get isFolder(){return FS.isDir(this.mode)}get isDevice(){return FS.isChrdev(this.mode)}addListener(e,r=!1){var t={cb:e,exclusive:r},n=this.listeners??(this.listeners=new Set);return n.add(t),{listeners:n,entry:t}}notifyListeners(e){if(this.listeners){var r;for(var t of this.listeners)t.exclusive?(r||(r=[])).push(t):t.cb(e);if(r){var n=(this.exclTurn||0)%r.length;this.exclTurn=n+1,r[n].cb(e)}}}},lookupPath(e,r={}){if(!e)throw new FS.ErrnoError(44);r.follow_mount??(r.follow_mount=!0),PATH.isAbs(e)||(e=FS.cwd()+"/"+e);e:for(var t=0;t<40;t++){for(var n=e.split("/").filter(u=>!!u),i=FS.root,o="/",a=0;a<n.length;a++){var s=a===n.length-1;if(s&&r.parent)break;if(n[a]!=="."){if(n[a]===".."){if(o=PATH.dirname(o),FS.isRoot(i)){e=o+"/"+n.slice(a+1).join("/"),t--;continue e}else i=i.parent;continue}o=PATH.join2(o,n[a]);try{i=FS.lookupNode(i,n[a])}catch(u){if(u?.errno===44&&s&&r.noent_okay)return{path:o};throw u}if(FS.isMountpoint(i)&&(!s||r.follow_mount)&&(i=i.mounted.root),FS.isLink(i.mode)&&(!s||r.follow)){if(!i.node_ops.readlink)throw new FS.ErrnoError(52);var l=i.node_ops.readlink(i);PATH.isAbs(l)||(l=PATH.dirname(o)+"/"+l),e=l+"/"+n.slice(a+1).join("/");continue e}}}return{path:o,node:i}}throw new FS.ErrnoError(32)},getPath(e){for(var r;;){if(FS.isRoot(e)){var t=e.mount.mountpoint;return r?t[t.length-1]!=="/"?`${t}/${r}`:t+r:t}r=r?`${e.name}/${r}`:e.name,e=e.parent}},hashName(e,r){for(var t=0,n=0;n<r.length;n++)t=(t<<5)-t+r.charCodeAt(n)|0;return(e+t>>>0)%FS.nameTable.length},hashAddNode(e){var r=FS.hashName(e.parent.id,e.name);e.name_next=FS.nameTable[r],FS.nameTable[r]=e},hashRemoveNode(e){var r=FS.hashName(e.parent.id,e.name);if(FS.nameTable[r]===e)FS.nameTable[r]=e.name_next;else for(var t=FS.nameTable[r];t;){if(t.name_next===e){t.name_next=e.name_next;break}t=t.name_next}},lookupNode(e,r){var t=FS.mayLookup(e);if(t)throw new FS.ErrnoError(t);for(var n=FS.hashName(e.id,r),i=FS.nameTable[n];i;i=i.name_next){var o=i.name;if(i.parent.id===e.id&&o===r)return i}return FS.lookup(e,r)},createNode(e,r,t,n){var i=new FS.FSNode(e,r,t,n);return FS.hashAddNode(i),i},destroyNode(e){FS.hashRemoveNode(e)},isRoot(e){return e===e.parent},isMountpoint(e){return!!e.mounted},isFile(e){return(e&61440)===32768},isDir(e){return(e&61440)===16384},isLink(e){return(e&61440)===40960},isChrdev(e){return(e&61440)===8192},isBlkdev(e){return(e&61440)===24576},isFIFO(e){return(e&61440)===4096},isSocket(e){return(e&49152)===49152},flagsToPermissionString(e){var r=["r","w","rw"][e&3];return e&512&&(r+="w"),r},nodePermissions(e,r){return FS.ignorePermissions?0:r.includes("r")&&!(e.mode&292)||r.includes("w")&&!(e.mode&146)||r.includes("x")&&!(e.mode&73)?2:0},mayLookup(e){if(!FS.isDir(e.mode))return 54;var r=FS.nodePermissions(e,"x");return r||(e.node_ops.lookup?0:2)},mayCreate(e,r){if(!FS.isDir(e.mode))return 54;try{return FS.lookupNode(e,r),20}catch{}return FS.nodePermissions(e,"wx")},mayDelete(e,r,t){var n;try{n=FS.lookupNode(e,r)}catch(o){return o.errno}var i=FS.nodePermissions(e,"wx");if(i)return i;if(t){if(!FS.isDir(n.mode))return 54;if(FS.isRoot(n)||FS.getPath(n)===FS.cwd())return 10}else if(FS.isDir(n.mode))return 31;return 0},mayOpen(e,r){if(!e)return 44;if(FS.isLink(e.mode))return 32;var t=FS.flagsToPermissionString(r);return FS.isDir(e.mode)&&(t!=="r"||r&576)?31:FS.nodePermissions(e,t)},checkOpExists(e,r){if(!e)throw new FS.ErrnoError(r);return e},MAX_OPEN_FDS:4096,nextfd(){for(var e=0;e<=FS.MAX_OPEN_FDS;e++)if(!FS.streams[e])return e;throw new FS.ErrnoError(33)},getStreamChecked(e){var r=FS.getStream(e);if(!r)throw new FS.ErrnoError(8);return r},getStream:e=>FS.streams[e],createStream(e,r=-1){return e=Object.assign(new FS.FSStream,e),r==-1&&(r=FS.nextfd()),e.fd=r,FS.streams[r]=e,e},closeStream(e){FS.streams[e]=null},dupStream(e,r=-1){var t=FS.createStream(e,r);return t.stream_ops?.dup?.(t),t},doSetAttr(e,r,t){var n=e?.stream_ops.setattr,i=n?e:r;n??(n=r.node_ops.setattr),FS.checkOpExists(n,63);try{n(i,t)}catch(o){throw o instanceof RangeError?new FS.ErrnoError(22):o}},chrdev_stream_ops:{open(e){var r=FS.getDevice(e.node.rdev);e.stream_ops=r.stream_ops,e.stream_ops.open?.(e)},llseek(){throw new FS.ErrnoError(70)}},major:e=>e>>8,minor:e=>e&255,makedev:(e,r)=>e<<8|r,registerDevice(e,r){FS.devices[e]={stream_ops:r}},getDevice:e=>FS.devices[e],getMounts(e){for(var r=[],t=[e];t.length;){var n=t.pop();r.push(n),t.push(...n.mounts)}return r},syncfs(e,r){typeof e=="function"&&(r=e,e=!1),FS.syncFSRequests++,FS.syncFSRequests>1&&err(`warning: ${FS.syncFSRequests} FS.syncfs operations in flight at once, probably just doing extra work`);var t=FS.getMounts(FS.root.mount),n=0;function i(s){return FS.syncFSRequests--,r(s)}function o(s){if(s)return o.errored?void 0:(o.errored=!0,i(s));++n>=t.length&&i(null)}for(var a of t)a.type.syncfs?a.type.syncfs(a,e,o):o(null)},mount(e,r,t){var n=t==="/",i=!t,o;if(n&&FS.root)throw new FS.ErrnoError(10);if(!n&&!i){var a=FS.lookupPath(t,{follow_mount:!1});if(t=a.path,o=a.node,FS.isMountpoint(o))throw new FS.ErrnoError(10);if(!FS.isDir(o.mode))throw new FS.ErrnoError(54)}var s={type:e,opts:r,mountpoint:t,mounts:[]},l=e.mount(s);return l.mount=s,s.root=l,n?FS.root=l:o&&(o.mounted=s,o.mount&&o.mount.mounts.push(s)),l},unmount(e){var r=FS.lookupPath(e,{follow_mount:!1});if(!FS.isMountpoint(r.node))throw new FS.ErrnoError(28);var t=r.node,n=t.mounted,i=FS.getMounts(n);for(var[o,a]of Object.entries(FS.nameTable))for(;a;){var s=a.name_next;i.includes(a.mount)&&FS.destroyNode(a),a=s}t.mounted=null;var l=t.mount.mounts.indexOf(n);t.mount.mounts.splice(l,1)},lookup(e,r){return e.node_ops.lookup(e,r)},mknod(e,r,t){var n=FS.lookupPath(e,{parent:!0}),i=n.node,o=PATH.basename(e);if(!o)throw new FS.ErrnoError(28);if(o==="."||o==="..")throw new FS.ErrnoError(20);var a=FS.mayCreate(i,o);if(a)throw new FS.ErrnoError(a);if(!i.node_ops.mknod)throw new FS.ErrnoError(63);return i.node_ops.mknod(i,o,r,t)},statfs(e){return FS.statfsNode(FS.lookupPath(e,{follow:!0}).node)},statfsStream(e){return FS.statfsNode(e.node)},statfsNode(e){var r={bsize:4096,frsize:4096,blocks:1e6,bfree:5e5,bavail:5e5,files:FS.nextInode,ffree:FS.nextInode-1,fsid:42,flags:2,namelen:255};return e.node_ops.statfs&&Object.assign(r,e.node_ops.statfs(e.mount.opts.root)),r},create(e,r=438){return r&=4095,r|=32768,FS.mknod(e,r,0)},mkdir(e,r=511){return r&=1023,r|=16384,FS.mknod(e,r,0)},mkdirTree(e,r=511){var t=e.split("/"),n="";for(var i of t)if(i){(n||PATH.isAbs(e))&&(n+="/"),n+=i;try{FS.mkdir(n,r)}catch(o){if(o.errno!=20)throw o}}},mkdev(e,r,t){return typeof t>"u"&&(t=r,r=438),r|=8192,FS.mknod(e,r,t)},symlink(e,r){if(!PATH_FS.resolve(e))throw new FS.ErrnoError(44);var t=FS.lookupPath(r,{parent:!0}),n=t.node;if(!n)throw new FS.ErrnoError(44);var i=PATH.basename(r),o=FS.mayCreate(n,i);if(o)throw new FS.ErrnoError(o);if(!n.node_ops.symlink)throw new FS.ErrnoError(63);return n.node_ops.symlink(n,i,e)},link(e,r,t){var n=FS.lookupPath(r,{parent:!0}),i=n.node;if(!i)throw new FS.ErrnoError(44);var o=PATH.basename(r),a=FS.mayCreate(i,o);if(a)throw new FS.ErrnoError(a);if(!i.node_ops.link)throw new FS.ErrnoError(34);return i.node_ops.link(i,o,e,t)},rename(e,r){var t=PATH.dirname(e),n=PATH.dirname(r),i=PATH.basename(e),o=PATH.basename(r),a,s,l;if(a=FS.lookupPath(e,{parent:!0}),s=a.node,a=FS.lookupPath(r,{parent:!0}),l=a.node,!s||!l)throw new FS.ErrnoError(44);if(s.mount!==l.mount)throw new FS.ErrnoError(75);var u=FS.lookupNode(s,i),c=PATH_FS.relative(e,n);if(c.charAt(0)!==".")throw new FS.ErrnoError(28);if(c=PATH_FS.relative(r,t),c.charAt(0)!==".")throw new FS.ErrnoError(55);var _;try{_=FS.lookupNode(l,o)}catch{}if(u!==_){var m=FS.isDir(u.mode),f=FS.mayDelete(s,i,m);if(f)throw new FS.ErrnoError(f);if(f=_?FS.mayDelete(l,o,m):FS.mayCreate(l,o),f)throw new FS.ErrnoError(f);if(!s.node_ops.rename)throw new FS.ErrnoError(63);if(FS.isMountpoint(u)||_&&FS.isMountpoint(_))throw new FS.ErrnoError(10);if(l!==s&&(f=FS.nodePermissions(s,"w"),f))throw new FS.ErrnoError(f);FS.hashRemoveNode(u);try{s.node_ops.rename(u,l,o),_&&FS.hashRemoveNode(_),u.parent=l}catch(p){throw p}finally{FS.hashAddNode(u)}}},rmdir(e){var r=FS.lookupPath(e,{parent:!0}),t=r.node,n=PATH.basename(e),i=FS.lookupNode(t,n),o=FS.mayDelete(t,n,!0);if(o)throw new FS.ErrnoError(o);if(!t.node_ops.rmdir)throw new FS.ErrnoError(63);if(FS.isMountpoint(i))throw new FS.ErrnoError(10);t.node_ops.rmdir(t,n),FS.destroyNode(i)},readdir(e){var r=FS.lookupPath(e,{follow:!0}),t=r.node,n=FS.checkOpExists(t.node_ops.readdir,54);return n(t)},unlink(e){var r=FS.lookupPath(e,{parent:!0}),t=r.node;if(!t)throw new FS.ErrnoError(44);var n=PATH.basename(e),i=FS.lookupNode(t,n),o=FS.mayDelete(t,n,!1);if(o)throw new FS.ErrnoError(o);if(!t.node_ops.unlink)throw new FS.ErrnoError(63);if(FS.isMountpoint(i))throw new FS.ErrnoError(10);t.node_ops.unlink(t,n),FS.destroyNode(i)},readlink(e){var r=FS.lookupPath(e),t=r.node;if(!t)throw new FS.ErrnoError(44);if(!t.node_ops.readlink)throw new FS.ErrnoError(28);return t.node_ops.readlink(t)},stat(e,r=!1){var t=FS.lookupPath(e,{follow:!r}),n=t.node,i=FS.checkOpExists(n.node_ops.getattr,63);return i(n)},fstat(e){var r=FS.getStreamChecked(e),t=r.node,n=r.stream_ops.getattr,i=n?r:t;return n??(n=t.node_ops.getattr),FS.checkOpExists(n,63),n(i)},lstat(e){return FS.stat(e,!0)},doChmod(e,r,t,n=!1){FS.doSetAttr(e,r,{mode:t&4095|r.mode&-4096,ctime:Date.now(),dontFollow:n})},chmod(e,r,t=!1){var n;if(typeof e=="string"){var i=FS.lookupPath(e,{follow:!t});n=i.node}else n=e;FS.doChmod(null,n,r,t)},lchmod(e,r){FS.chmod(e,r,!0)},fchmod(e,r){var t=FS.getStreamChecked(e);FS.doChmod(t,t.node,r,!1)},doChown(e,r,t=!1){FS.doSetAttr(e,r,{timestamp:Date.now(),dontFollow:t})},chown(e,r,t,n=!1){var i;if(typeof e=="string"){var o=FS.lookupPath(e,{follow:!n});i=o.node}else i=e;FS.doChown(null,i,n)},lchown(e,r,t){FS.chown(e,r,t,!0)},fchown(e,r,t){var n=FS.getStreamChecked(e);FS.doChown(n,n.node,!1)},doTruncate(e,r,t){if(FS.isDir(r.mode))throw new FS.ErrnoError(31);if(!FS.isFile(r.mode))throw new FS.ErrnoError(28);var n=FS.nodePermissions(r,"w");if(n)throw new FS.ErrnoError(n);FS.doSetAttr(e,r,{size:t,timestamp:Date.now()})},truncate(e,r){if(r<0)throw new FS.ErrnoError(28);var t;if(typeof e=="string"){var n=FS.lookupPath(e,{follow:!0});t=n.node}else t=e;FS.doTruncate(null,t,r)},ftruncate(e,r){var t=FS.getStreamChecked(e);if(r<0||(t.flags&2097155)===0)throw new FS.ErrnoError(28);FS.doTruncate(t,t.node,r)},utime(e,r,t,n=!1){var i=FS.lookupPath(e,{follow:!n});FS.doSetAttr(null,i.node,{atime:r,mtime:t,dontFollow:n})},open(e,r,t=438){if(e==="")throw new FS.ErrnoError(44);r=FS_modeStringToFlags(r),r&64?t=t&4095|32768:t=0;var n,i;if(typeof e=="object")n=e;else{i=e.endsWith("/");var o=FS.lookupPath(e,{follow:!(r&131072),noent_okay:!0});n=o.node,e=o.path}var a=!1;if(r&64)if(n){if(r&128)throw new FS.ErrnoError(20)}else{if(i)throw new FS.ErrnoError(31);n=FS.mknod(e,t|511,0),a=!0}if(!n)throw new FS.ErrnoError(44);if(FS.isChrdev(n.mode)&&(r&=-513),r&65536&&!FS.isDir(n.mode))throw new FS.ErrnoError(54);if(!a){var s=FS.mayOpen(n,r);if(s)throw new FS.ErrnoError(s)}r&512&&!a&&FS.truncate(n,0),r&=-131713;var l=FS.createStream({node:n,path:FS.getPath(n),flags:r,seekable:!0,position:0,stream_ops:n.stream_ops,ungotten:[],error:!1});return l.stream_ops.open&&l.stream_ops.open(l),a&&FS.chmod(n,t&511),l},close(e){if(FS.isClosed(e))throw new FS.ErrnoError(8);e.getdents&&(e.getdents=null),e.node?.notifyListeners(32);try{e.stream_ops.close&&e.stream_ops.close(e)}catch(r){throw r}finally{FS.closeStream(e.fd)}e.fd=null},isClosed(e){return e.fd===null},llseek(e,r,t){if(FS.isClosed(e))throw new FS.ErrnoError(8);if(!e.seekable||!e.stream_ops.llseek)throw new FS.ErrnoError(70);if(t!=0&&t!=1&&t!=2)throw new FS.ErrnoError(28);return e.position=e.stream_ops.llseek(e,r,t),e.ungotten=[],e.position},read(e,r,t,n,i){if(n<0||i<0)throw new FS.ErrnoError(28);if(FS.isClosed(e))throw new FS.ErrnoError(8);if((e.flags&2097155)===1)throw new FS.ErrnoError(8);if(FS.isDir(e.node.mode))throw new FS.ErrnoError(31);if(!e.stream_ops.read)throw new FS.ErrnoError(28);var o=typeof i<"u";if(!o)i=e.position;else if(!e.seekable)throw new FS.ErrnoError(70);var a=e.stream_ops.read(e,r,t,n,i);return o||(e.position+=a),a},write(e,r,t,n,i,o){if(n<0||i<0)throw new FS.ErrnoError(28);if(FS.isClosed(e))throw new FS.ErrnoError(8);if((e.flags&2097155)===0)throw new FS.ErrnoError(8);if(FS.isDir(e.node.mode))throw new FS.ErrnoError(31);if(!e.stream_ops.write)throw new FS.ErrnoError(28);e.seekable&&e.flags&1024&&FS.llseek(e,0,2);var a=typeof i<"u";if(!a)i=e.position;else if(!e.seekable)throw new FS.ErrnoError(70);var s=e.stream_ops.write(e,r,t,n,i,o);return a||(e.position+=s),s},mmap(e,r,t,n,i){if(n&2&&!(i&2)&&(e.flags&2097155)!==2)throw new FS.ErrnoError(2);if((e.flags&2097155)===1)throw new FS.ErrnoError(2);if(!e.stream_ops.mmap)throw new FS.ErrnoError(43);if(!r)throw new FS.ErrnoError(28);return e.stream_ops.mmap(e,r,t,n,i)},msync(e,r,t,n,i){return e.stream_ops.msync?e.stream_ops.msync(e,r,t,n,i):0},ioctl(e,r,t){if(!e.stream_ops.ioctl)throw new FS.ErrnoError(59);return e.stream_ops.ioctl(e,r,t)},readFile(e,r={}){r.flags??(r.flags=0),r.encoding??(r.encoding="binary"),r.encoding!=="utf8"&&r.encoding!=="binary"&&abort(`Invalid encoding type "${r.encoding}"`);var t=FS.open(e,r.flags),n=FS.stat(e),i=n.size,o=new Uint8Array(i);return FS.read(t,o,0,i,0),r.encoding==="utf8"&&(o=UTF8ArrayToString(o)),FS.close(t),o},writeFile(e,r,t={}){t.flags??(t.flags=577);var n=FS.open(e,t.flags,t.mode);r=FS_fileDataToTypedArray(r),FS.write(n,r,0,r.byteLength,void 0,t.canOwn),FS.close(n)},cwd:()=>FS.currentPath,chdir(e){var r=FS.lookupPath(e,{follow:!0});if(r.node===null)throw new FS.ErrnoError(44);if(!FS.isDir(r.node.mode))throw new FS.ErrnoError(54);var t=FS.nodePermissions(r.node,"x");if(t)throw new FS.ErrnoError(t);FS.currentPath=r.path},createDefaultDirectories(){FS.mkdir("/tmp"),FS.mkdir("/home"),FS.mkdir("/home/web_user")},createDefaultDevices(){FS.mkdir("/dev"),FS.registerDevice(FS.makedev(1,3),{read:()=>0,write:(n,i,o,a)=>a,llseek:()=>0}),FS.mkdev("/dev/null",FS.makedev(1,3)),TTY.register(FS.makedev(5,0),TTY.default_tty_ops),TTY.register(FS.makedev(6,0),TTY.default_tty1_ops),FS.mkdev("/dev/tty",FS.makedev(5,0)),FS.mkdev("/dev/tty1",FS.makedev(6,0));var e=new Uint8Array(1024),r=0,t=()=>(r||(randomFill(e),r=e.byteLength),e[--r]);FS.createDevice("/dev","random",t),FS.createDevice("/dev","urandom",t),FS.mkdir("/dev/shm"),FS.mkdir("/dev/shm/tmp")},createSpecialDirectories(){FS.mkdir("/proc");var e=FS.mkdir("/proc/self");FS.mkdir("/proc/self/fd"),FS.mount({mount(){var r=FS.createNode(e,"fd",16895,73);return r.stream_ops={llseek:MEMFS.stream_ops.llseek},r.node_ops={lookup(t,n){var i=+n,o=FS.getStreamChecked(i),a={parent:null,mount:{mountpoint:"fake"},node_ops:{readlink:()=>o.path},id:i+1};return a.parent=a,a},readdir(){return Array.from(FS.streams.entries()).filter(([t,n])=>n).map(([t,n])=>t.toString())}},r}},{},"/proc/self/fd")},createStandardStreams(e,r,t){e?FS.createDevice("/dev","stdin",e):FS.symlink("/dev/tty","/dev/stdin"),r?FS.createDevice("/dev","stdout",null,r):FS.symlink("/dev/tty","/dev/stdout"),t?FS.createDevice("/dev","stderr",null,t):FS.symlink("/dev/tty1","/dev/stderr"),FS.open("/dev/stdin",0),FS.open("/dev/stdout",1),FS.open("/dev/stderr",1)},staticInit(){FS.nameTable.length=4096,FS.mount(MEMFS,{},"/"),FS.createDefaultDirectories(),FS.createDefaultDevices(),FS.createSpecialDirectories()},init(e,r,t){FS.initialized=!0,e??(e=Module.stdin),r??(r=Module.stdout),t??(t=Module.stderr),FS.createStandardStreams(e,r,t)},quit(){FS.initialized=!1,_fflush(0);for(var e of FS.streams)e&&FS.close(e)},analyzePath(e,r=!1){try{var t=FS.lookupPath(e,{follow:!r});e=t.path}catch{}var n={isRoot:!1,exists:!1,error:0,name:null,path:null,object:null,parentExists:!1,parentPath:null,parentObject:null};try{t=FS.lookupPath(e,{parent:!0}),n.parentExists=!0,n.parentPath=t.path,n.parentObject=t.node,n.name=PATH.basename(e),t=FS.lookupPath(e,{follow:!r}),n.exists=!0,n.path=t.path,n.object=t.node,n.name=t.node.name,n.isRoot=t.path==="/"}catch(i){n.error=i.errno}return n},createPath(e,r,t,n){e=typeof e=="string"?e:FS.getPath(e);for(var i=r.split("/").reverse();i.length;){var o=i.pop();if(o){var a=PATH.join2(e,o);try{FS.mkdir(a)}catch(s){if(s.errno!=20)throw s}e=a}}return a},createFile(e,r,t,n,i){var o=PATH.join2(typeof e=="string"?e:FS.getPath(e),r),a=FS_getMode(n,i);return FS.create(o,a)},createDataFile(e,r,t,n,i,o){var a=r;e&&(e=typeof e=="string"?e:FS.getPath(e),a=r?PATH.join2(e,r):e);var s=FS_getMode(n,i),l=FS.create(a,s);if(t){t=FS_fileDataToTypedArray(t),FS.chmod(l,s|146);var u=FS.open(l,577);FS.write(u,t,0,t.length,0,o),FS.close(u),FS.chmod(l,s)}},createDevice(e,r,t,n){var s;var i=PATH.join2(typeof e=="string"?e:FS.getPath(e),r),o=FS_getMode(!!t,!!n);(s=FS.createDevice).major??(s.major=64);var a=FS.makedev(FS.createDevice.major++,0);return FS.registerDevice(a,{open(l){l.seekable=!1},close(l){n?.buffer?.length&&n(10)},read(l,u,c,_,m){for(var f=0,p=0;p<_;p++){var F;try{F=t()}catch{throw new FS.ErrnoError(29)}if(F===void 0&&!f)throw new FS.ErrnoError(6);if(F==null)break;f++,u[c+p]=F}return f&&(l.node.atime=Date.now()),f},write(l,u,c,_,m){for(var f=0;f<_;f++)try{n(u[c+f])}catch{throw new FS.ErrnoError(29)}return _&&(l.node.mtime=l.node.ctime=Date.now()),f}}),FS.mkdev(i,o,a)},forceLoadFile(e){if(e.isDevice||e.isFolder||e.link||e.contents)return!0;if(globalThis.XMLHttpRequest)abort("Lazy loading should have been performed (contents set) in createLazyFile, but it was not. Lazy loading only works in web workers. Use --embed-file or --preload-file in emcc on the main thread.");else try{e.contents=readBinary(e.url)}catch{throw new FS.ErrnoError(29)}},createLazyFile(e,r,t,n,i){class o{constructor(){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.d)(this,"lengthKnown",!1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.d)(this,"chunks",[])}get(m){if(!(m>this.length-1||m<0)){var f=m%this.chunkSize,p=m/this.chunkSize|0;return this.getter(p)[f]}}setDataGetter(m){this.getter=m}cacheLength(){var m=new XMLHttpRequest;m.open("HEAD",t,!1),m.send(null),m.status>=200&&m.status<300||m.status===304||abort(`Couldn't load ${t}. Status: ${m.status}`);var f=Number(m.getResponseHeader("Content-length")),p,F=(p=m.getResponseHeader("Accept-Ranges"))&&p==="bytes",S=(p=m.getResponseHeader("Content-Encoding"))&&p==="gzip",E=1048576;F||(E=f);var y=(d,g)=>{d>g&&abort(`invalid range (${d}, ${g}) or no bytes requested!`),g>f-1&&abort(`only ${f} bytes available! programmer error!`);var v=new XMLHttpRequest;return v.open("GET",t,!1),f!==E&&v.setRequestHeader("Range",`bytes=${d}-${g}`),v.responseType="arraybuffer",v.overrideMimeType&&v.overrideMimeType("text/plain; charset=x-user-defined"),v.send(null),v.status>=200&&v.status<300||v.status===304||abort(`Couldn't load ${t}. Status: ${v.status}`),v.response!==void 0?new Uint8Array(v.response||[]):intArrayFromString(v.responseText??"",!0)},A=this;A.setDataGetter(d=>{var g=d*E,v=(d+1)*E-1;return v=Math.min(v,f-1),typeof A.chunks[d]>"u"&&(A.chunks[d]=y(g,v)),typeof A.chunks[d]>"u"&&abort("doXHR failed!"),A.chunks[d]}),(S||!f)&&(E=f=1,f=this.getter(0).length,E=f,out("LazyFiles on gzip forces download of the whole file when length is accessed")),this._length=f,this._chunkSize=E,this.lengthKnown=!0}get length(){return this.lengthKnown||this.cacheLength(),this._length}get chunkSize(){return this.lengthKnown||this.cacheLength(),this._chunkSize}}if(globalThis.XMLHttpRequest){ENVIRONMENT_IS_WORKER||abort("Cannot do synchronous binary XHRs outside webworkers in modern browsers. Use --embed-file or --preload-file in emcc");var a=new o,s={isDevice:!1,contents:a}}else s={isDevice:!1,url:t};var l=FS.createFile(e,r,s,n,i);s.contents?l.contents=s.contents:s.url&&(l.contents=null,l.url=s.url),Object.defineProperties(l,{usedBytes:{get:function(){return this.contents.length}}});var u={};for(let[_,m]of Object.entries(l.stream_ops))u[_]=(...f)=>(FS.forceLoadFile(l),m(...f));function c(_,m,f,p,F){var S=_.node.contents;if(F>=S.length)return 0;var E=Math.min(S.length-F,p);if(S.slice)for(var y=0;y<E;y++)m[f+y]=S[F+y];else for(y=0;y<E;y++)m[f+y]=S.get(F+y);return E}return u.read=(_,m,f,p,F)=>(FS.forceLoadFile(l),c(_,m,f,p,F)),u.mmap=(_,m,f)=>{FS.forceLoadFile(l);var p=mmapAlloc(m);if(!p)throw new FS.ErrnoError(48);return c(_,HEAP8,p,m,f),{ptr:p,allocated:!0}},l.stream_ops=u,l}},findLibraryFS=(e,r)=>{if(runtimeInitialized){if(PATH.isAbs(e))try{return FS.lookupPath(e),e}catch{return}var t=(r?.paths||[]).map(n=>replaceORIGIN(r?.parentLibPath,n));return withStackSave(()=>{var n=stackAlloc(512),i=stringToUTF8OnStack(t.join(":")),o=stringToUTF8OnStack(e),a=__emscripten_find_dylib(n,i,o,512);return a?UTF8ToString(a):void 0})}};function loadDynamicLibrary(e,r={global:!0,nodelete:!0},t,n){var i=LDSO.loadedLibsByName[e];if(i)return r.global?i.global||(i.global=!0,mergeLibSymbols(i.exports,e)):t&&Object.assign(t,i.exports),r.nodelete&&i.refcount!==1/0&&(i.refcount=1/0),i.refcount++,n&&(LDSO.loadedLibsByHandle[n]=i),r.loadAsync?Promise.resolve(!0):!0;i=newDSO(e,n,"loading"),i.refcount=r.nodelete?1/0:1,i.global=r.global;function o(){if(n){var l=HEAPU32[n+28>>2],u=HEAPU32[n+32>>2];if(l&&u){var c=HEAP8.slice(l,l+u);return r.loadAsync?Promise.resolve(c):c}}var _=findLibraryFS(e,r.rpath);if(_)return c=FS.readFile(_,{encoding:"binary"}),r.loadAsync?Promise.resolve(c):c;var m=locateFile(e);if(r.loadAsync)return asyncLoad(m);if(!readBinary)throw new Error(`${m}: file not found, and synchronous loading of external files is not available`);return readBinary(m)}function a(){var l=preloadedWasm[e];return l?r.loadAsync?Promise.resolve(l):l:r.loadAsync?o().then(u=>loadWebAssemblyModule(u,r,e,t,n)):loadWebAssemblyModule(o(),r,e,t,n)}function s(l){i.global?mergeLibSymbols(l,e):t&&Object.assign(t,l),i.exports=l}return r.loadAsync?a().then(l=>(s(l),!0)):(s(a()),!0)}var reportUndefinedSymbols=()=>{for(var[e,r]of Object.entries(GOT))if(r.value==-1){var t=resolveGlobalSymbol(e,!0).sym;if(!t&&!r.required){r.value=0;continue}if(typeof t=="function")r.value=addFunction(t,t.sig);else if(typeof t=="number")r.value=t;else if(typeof t.value=="number")r.value=t;else throw new Error(`bad export type for '${e}': ${typeof t} (${t})`)}},loadDylibs=async()=>{if(!dynamicLibraries.length){reportUndefinedSymbols();return}for(var e of dynamicLibraries)await loadDynamicLibrary(e,{loadAsync:!0,global:!0,nodelete:!0,allowUndefined:!0});reportUndefinedSymbols()},noExitRuntime=!1,___call_sighandler=(e,r)=>getWasmTableEntry(e)(r);___call_sighandler.sig="vpi";var SYSCALLS={currentUmask:18,calculateAt(e,r,t=!1){if(PATH.isAbs(r))return r;var n;if(e===-100)n=FS.cwd();else{var i=SYSCALLS.getStreamFromFD(e);n=i.path}if(r.length==0){if(!t)throw new FS.ErrnoError(44);return n}return n+"/"+r},writeStat(e,r){HEAPU32[e>>2]=r.dev,HEAPU32[e+4>>2]=r.mode,HEAPU32[e+8>>2]=r.nlink,HEAPU32[e+12>>2]=r.uid,HEAPU32[e+16>>2]=r.gid,HEAPU32[e+20>>2]=r.rdev,HEAP64[e+24>>3]=BigInt(r.size),HEAP32[e+32>>2]=4096,HEAP32[e+36>>2]=r.blocks;var t=r.atime.getTime(),n=r.mtime.getTime(),i=r.ctime.getTime();return HEAP64[e+40>>3]=BigInt(Math.floor(t/1e3)),HEAPU32[e+48>>2]=t%1e3*1e3*1e3,HEAP64[e+56>>3]=BigInt(Math.floor(n/1e3)),HEAPU32[e+64>>2]=n%1e3*1e3*1e3,HEAP64[e+72>>3]=BigInt(Math.floor(i/1e3)),HEAPU32[e+80>>2]=i%1e3*1e3*1e3,HEAP64[e+88>>3]=BigInt(r.ino),0},writeStatFs(e,r){HEAPU32[e+4>>2]=r.bsize,HEAPU32[e+60>>2]=r.bsize,HEAP64[e+8>>3]=BigInt(r.blocks),HEAP64[e+16>>3]=BigInt(r.bfree),HEAP64[e+24>>3]=BigInt(r.bavail),HEAP64[e+32>>3]=BigInt(r.files),HEAP64[e+40>>3]=BigInt(r.ffree),HEAPU32[e+48>>2]=r.fsid,HEAPU32[e+64>>2]=r.flags,HEAPU32[e+56>>2]=r.namelen},doMsync(e,r,t,n,i){if(!FS.isFile(r.node.mode))throw new FS.ErrnoError(43);if(n&2)return 0;var o=HEAPU8.subarray(e,e+t);FS.msync(r,o,i,t,n)},getStreamFromFD(e){var r=FS.getStreamChecked(e);return r},varargs:void 0,getStr(e){var r=UTF8ToString(e);return r}};function ___syscall_chmod(e,r){try{return e=SYSCALLS.getStr(e),FS.chmod(e,r),0}catch(t){if(typeof FS>"u"||t.name!=="ErrnoError")throw t;return-t.errno}}___syscall_chmod.sig="ipi";function ___syscall_dup3(e,r,t){try{if(e===r||t&-524289)return-28;var n=SYSCALLS.getStreamFromFD(e);if(r<0||r>=FS.MAX_OPEN_FDS)return-8;var i=FS.getStream(r);i&&FS.close(i);var o=FS.dupStream(n,r);return t&524288&&(o.flags|=524288),o.fd}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return-a.errno}}___syscall_dup3.sig="iiii";function ___syscall_faccessat(e,r,t){try{if(r=SYSCALLS.getStr(r),r=SYSCALLS.calculateAt(e,r),t&-8)return-28;var n=FS.lookupPath(r,{follow:!0}),i=n.node;if(!i)return-44;var o="";return t&4&&(o+="r"),t&2&&(o+="w"),t&1&&(o+="x"),o&&FS.nodePermissions(i,o)?-2:0}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return-a.errno}}___syscall_faccessat.sig="iipii";var INT53_MAX=9007199254740992,INT53_MIN=-9007199254740992,bigintToI53Checked=e=>e<INT53_MIN||e>INT53_MAX?NaN:Number(e);function ___syscall_fadvise64(e,r,t){r=bigintToI53Checked(r),t=bigintToI53Checked(t);try{return SYSCALLS.getStreamFromFD(e).seekable?0:-70}catch(n){if(typeof FS>"u"||n.name!=="ErrnoError")throw n;return-n.errno}}___syscall_fadvise64.sig="iijji";var syscallGetVarargI=()=>{var e=HEAP32[+SYSCALLS.varargs>>2];return SYSCALLS.varargs+=4,e},syscallGetVarargP=syscallGetVarargI;function ___syscall_fcntl64(e,r,t){SYSCALLS.varargs=t;try{var n=SYSCALLS.getStreamFromFD(e);switch(r){case 0:var i=syscallGetVarargI();if(i<0)return-28;for(;FS.streams[i];)i++;var o;return o=FS.dupStream(n,i),o.fd;case 1:case 2:return 0;case 3:return n.flags;case 4:return i=syscallGetVarargI(),n.flags=n.flags&-289793|i&289792,0;case 12:return i=syscallGetVarargP(),HEAP16[i+0>>1]=2,0;case 13:case 14:return 0}return-28}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return-a.errno}}___syscall_fcntl64.sig="iiip";function ___syscall_fstat64(e,r){try{return SYSCALLS.writeStat(r,FS.fstat(e))}catch(t){if(typeof FS>"u"||t.name!=="ErrnoError")throw t;return-t.errno}}___syscall_fstat64.sig="iip";function ___syscall_getcwd(e,r){try{if(!r)return-28;var t=FS.cwd(),n=lengthBytesUTF8(t)+1;return r<n?-68:(stringToUTF8(t,e,r),n)}catch(i){if(typeof FS>"u"||i.name!=="ErrnoError")throw i;return-i.errno}}___syscall_getcwd.sig="ipp";function ___syscall_getdents64(e,r,t){try{var n=SYSCALLS.getStreamFromFD(e);n.getdents||(n.getdents=FS.readdir(n.path));for(var i=0,o=FS.llseek(n,0,1),a=Math.floor(o/280),s=Math.min(n.getdents.length,a+Math.floor(t/280)),l=a;l<s;l++){var u,c,_=n.getdents[l];if(_===".")u=n.node.id,c=4;else if(_===".."){var m=FS.lookupPath(n.path,{parent:!0});u=m.node.id,c=4}else{var f;try{f=FS.lookupNode(n.node,_)}catch(p){if(p?.errno===28)continue;throw p}u=f.id,c=FS.isChrdev(f.mode)?2:FS.isDir(f.mode)?4:FS.isLink(f.mode)?10:8}HEAP64[r+i>>3]=BigInt(u),HEAP64[r+i+8>>3]=BigInt((l+1)*280),HEAP16[r+i+16>>1]=280,HEAP8[r+i+18]=c,stringToUTF8(_,r+i+19,256),i+=280}return FS.llseek(n,l*280,0),i}catch(p){if(typeof FS>"u"||p.name!=="ErrnoError")throw p;return-p.errno}}___syscall_getdents64.sig="iipp";function ___syscall_ioctl(e,r,t){SYSCALLS.varargs=t;try{var n=SYSCALLS.getStreamFromFD(e);switch(r){case 21509:return n.tty?0:-59;case 21505:if(!n.tty)return-59;if(n.tty.ops.ioctl_tcgets){var i=n.tty.ops.ioctl_tcgets(n),o=syscallGetVarargP();HEAP32[o>>2]=i.c_iflag||0,HEAP32[o+4>>2]=i.c_oflag||0,HEAP32[o+8>>2]=i.c_cflag||0,HEAP32[o+12>>2]=i.c_lflag||0;for(var a=0;a<32;a++)HEAP8[o+a+17]=i.c_cc[a]||0;return 0}return 0;case 21510:case 21511:case 21512:return n.tty?0:-59;case 21506:case 21507:case 21508:if(!n.tty)return-59;if(n.tty.ops.ioctl_tcsets){o=syscallGetVarargP();var s=HEAP32[o>>2],l=HEAP32[o+4>>2],u=HEAP32[o+8>>2],c=HEAP32[o+12>>2],_=[];for(a=0;a<32;a++)_.push(HEAP8[o+a+17]);return n.tty.ops.ioctl_tcsets(n.tty,r,{c_iflag:s,c_oflag:l,c_cflag:u,c_lflag:c,c_cc:_})}return 0;case 21519:return n.tty?(o=syscallGetVarargP(),HEAP32[o>>2]=0,0):-59;case 21520:return n.tty?-28:-59;case 21537:case 21531:return o=syscallGetVarargP(),FS.ioctl(n,r,o);case 21523:if(!n.tty)return-59;if(n.tty.ops.ioctl_tiocgwinsz){var m=n.tty.ops.ioctl_tiocgwinsz(n.tty);o=syscallGetVarargP(),HEAP16[o>>1]=m[0],HEAP16[o+2>>1]=m[1]}return 0;case 21524:return n.tty?0:-59;case 21515:return n.tty?0:-59;default:return-28}}catch(f){if(typeof FS>"u"||f.name!=="ErrnoError")throw f;return-f.errno}}___syscall_ioctl.sig="iiip";function ___syscall_lstat64(e,r){try{return e=SYSCALLS.getStr(e),SYSCALLS.writeStat(r,FS.lstat(e))}catch(t){if(typeof FS>"u"||t.name!=="ErrnoError")throw t;return-t.errno}}___syscall_lstat64.sig="ipp";function ___syscall_mkdirat(e,r,t){try{return r=SYSCALLS.getStr(r),r=SYSCALLS.calculateAt(e,r),t&=~SYSCALLS.currentUmask,FS.mkdir(r,t),0}catch(n){if(typeof FS>"u"||n.name!=="ErrnoError")throw n;return-n.errno}}___syscall_mkdirat.sig="iipi";function ___syscall_newfstatat(e,r,t,n){try{r=SYSCALLS.getStr(r);var i=n&256,o=n&4096;return n&=-6401,r=SYSCALLS.calculateAt(e,r,o),SYSCALLS.writeStat(t,i?FS.lstat(r):FS.stat(r))}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return-a.errno}}___syscall_newfstatat.sig="iippi";function ___syscall_openat(e,r,t,n){SYSCALLS.varargs=n;try{r=SYSCALLS.getStr(r),r=SYSCALLS.calculateAt(e,r);var i=n?syscallGetVarargI():0;return t&64&&(i&=~SYSCALLS.currentUmask),FS.open(r,t,i).fd}catch(o){if(typeof FS>"u"||o.name!=="ErrnoError")throw o;return-o.errno}}___syscall_openat.sig="iipip";function ___syscall_readlinkat(e,r,t,n){try{if(r=SYSCALLS.getStr(r),r=SYSCALLS.calculateAt(e,r),n<=0)return-28;var i=FS.readlink(r),o=Math.min(n,lengthBytesUTF8(i)),a=HEAP8[t+o];return stringToUTF8(i,t,n+1),HEAP8[t+o]=a,o}catch(s){if(typeof FS>"u"||s.name!=="ErrnoError")throw s;return-s.errno}}___syscall_readlinkat.sig="iippp";function ___syscall_rmdir(e){try{return e=SYSCALLS.getStr(e),FS.rmdir(e),0}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return-r.errno}}___syscall_rmdir.sig="ip";function ___syscall_stat64(e,r){try{return e=SYSCALLS.getStr(e),SYSCALLS.writeStat(r,FS.stat(e))}catch(t){if(typeof FS>"u"||t.name!=="ErrnoError")throw t;return-t.errno}}___syscall_stat64.sig="ipp";function ___syscall_symlinkat(e,r,t){try{return e=SYSCALLS.getStr(e),t=SYSCALLS.getStr(t),t=SYSCALLS.calculateAt(r,t),FS.symlink(e,t),0}catch(n){if(typeof FS>"u"||n.name!=="ErrnoError")throw n;return-n.errno}}___syscall_symlinkat.sig="ipip";function ___syscall_umask(e){try{var r=SYSCALLS.currentUmask;return SYSCALLS.currentUmask=e,r}catch(t){if(typeof FS>"u"||t.name!=="ErrnoError")throw t;return-t.errno}}___syscall_umask.sig="ii";function ___syscall_unlinkat(e,r,t){try{if(r=SYSCALLS.getStr(r),r=SYSCALLS.calculateAt(e,r),!t)FS.unlink(r);else if(t===512)FS.rmdir(r);else return-28;return 0}catch(n){if(typeof FS>"u"||n.name!=="ErrnoError")throw n;return-n.errno}}___syscall_unlinkat.sig="iipi";var __abort_js=()=>abort("");__abort_js.sig="v";var runtimeKeepaliveCounter=0,__emscripten_runtime_keepalive_clear=()=>{noExitRuntime=!1,runtimeKeepaliveCounter=0};__emscripten_runtime_keepalive_clear.sig="v";var __emscripten_throw_longjmp=()=>{throw new EmscriptenSjLj};__emscripten_throw_longjmp.sig="v";var isLeapYear=e=>e%4===0&&(e%100!==0||e%400===0),MONTH_DAYS_LEAP_CUMULATIVE=[0,31,60,91,121,152,182,213,244,274,305,335],MONTH_DAYS_REGULAR_CUMULATIVE=[0,31,59,90,120,151,181,212,243,273,304,334],ydayFromDate=e=>{var r=isLeapYear(e.getFullYear()),t=r?MONTH_DAYS_LEAP_CUMULATIVE:MONTH_DAYS_REGULAR_CUMULATIVE,n=t[e.getMonth()]+e.getDate()-1;return n};function __localtime_js(e,r){e=bigintToI53Checked(e);var t=new Date(e*1e3);if(isNaN(t.getTime()))return 1;HEAP32[r>>2]=t.getSeconds(),HEAP32[r+4>>2]=t.getMinutes(),HEAP32[r+8>>2]=t.getHours(),HEAP32[r+12>>2]=t.getDate(),HEAP32[r+16>>2]=t.getMonth(),HEAP32[r+20>>2]=t.getFullYear()-1900,HEAP32[r+24>>2]=t.getDay();var n=ydayFromDate(t)|0;HEAP32[r+28>>2]=n,HEAP32[r+36>>2]=-t.getTimezoneOffset()*60;var i=new Date(t.getFullYear(),0,1),o=new Date(t.getFullYear(),6,1).getTimezoneOffset(),a=i.getTimezoneOffset(),s=(o!=a&&t.getTimezoneOffset()==Math.min(a,o))|0;return HEAP32[r+32>>2]=s,0}__localtime_js.sig="ijp";var __mktime_js=function(e){var r=(()=>{var t=new Date(HEAP32[e+20>>2]+1900,HEAP32[e+16>>2],HEAP32[e+12>>2],HEAP32[e+8>>2],HEAP32[e+4>>2],HEAP32[e>>2],0);if(isNaN(t.getTime()))return-1;var n=HEAP32[e+32>>2],i=t.getTimezoneOffset(),o=new Date(t.getFullYear(),0,1),a=new Date(t.getFullYear(),6,1).getTimezoneOffset(),s=o.getTimezoneOffset(),l=Math.min(s,a);if(n<0)n=+(a!=s&&l==i);else if(n>0!=(l==i)){var u=Math.max(s,a),c=n>0?l:u;if(t.setTime(t.getTime()+6e4*(c-i)),isNaN(t.getTime()))return-1}HEAP32[e+32>>2]=n,HEAP32[e+24>>2]=t.getDay();var _=ydayFromDate(t)|0;return HEAP32[e+28>>2]=_,HEAP32[e>>2]=t.getSeconds(),HEAP32[e+4>>2]=t.getMinutes(),HEAP32[e+8>>2]=t.getHours(),HEAP32[e+12>>2]=t.getDate(),HEAP32[e+16>>2]=t.getMonth(),HEAP32[e+20>>2]=t.getYear(),t.getTime()/1e3})();return BigInt(r)};__mktime_js.sig="jp";function __mmap_js(e,r,t,n,i,o,a){i=bigintToI53Checked(i);try{var s=SYSCALLS.getStreamFromFD(n),l=FS.mmap(s,e,i,r,t),u=l.ptr;return HEAP32[o>>2]=l.allocated,HEAPU32[a>>2]=u,0}catch(c){if(typeof FS>"u"||c.name!=="ErrnoError")throw c;return-c.errno}}__mmap_js.sig="ipiiijpp";function __munmap_js(e,r,t,n,i,o){o=bigintToI53Checked(o);try{var a=SYSCALLS.getStreamFromFD(i);t&2&&SYSCALLS.doMsync(e,a,r,n,o)}catch(s){if(typeof FS>"u"||s.name!=="ErrnoError")throw s;return-s.errno}}__munmap_js.sig="ippiiij";var timers={},clearTimers=()=>{for(var e of Object.values(timers))clearTimeout(e.id)},handleException=e=>{if(e instanceof ExitStatus||e=="unwind")return EXITSTATUS;quit_(1,e)},keepRuntimeAlive=()=>noExitRuntime||runtimeKeepaliveCounter>0,_proc_exit=e=>{EXITSTATUS=e,keepRuntimeAlive()||(Module.onExit?.(e),ABORT=!0),quit_(e,new ExitStatus(e))};_proc_exit.sig="vi";var exitJS=e=>{EXITSTATUS=e,keepRuntimeAlive()||exitRuntime(),_proc_exit(e)},_exit=exitJS;_exit.sig="vi";var maybeExit=()=>{if(!runtimeExited&&!keepRuntimeAlive())try{_exit(EXITSTATUS)}catch(e){handleException(e)}},callUserCallback=(e,...r)=>{if(!(runtimeExited||ABORT))try{return e(...r)}catch(t){handleException(t)}finally{maybeExit()}},_emscripten_get_now=()=>performance.now();_emscripten_get_now.sig="d";var __setitimer_js=(e,r)=>{if(timers[e]&&(clearTimeout(timers[e].id),delete timers[e]),!r)return 0;var t=setTimeout(()=>{delete timers[e],callUserCallback(__emscripten_timeout,e,_emscripten_get_now())},r);return timers[e]={id:t,timeout_ms:r},0};__setitimer_js.sig="iid";var __tzset_js=(e,r,t,n)=>{var i=new Date().getFullYear(),o=new Date(i,0,1),a=new Date(i,6,1),s=o.getTimezoneOffset(),l=a.getTimezoneOffset(),u=Math.max(s,l);HEAPU32[e>>2]=u*60,HEAP32[r>>2]=+(s!=l);var c=f=>{var p=f>=0?"-":"+",F=Math.abs(f),S=String(Math.floor(F/60)).padStart(2,"0"),E=String(F%60).padStart(2,"0");return`UTC${p}${S}${E}`},_=c(s),m=c(l);l<s?(stringToUTF8(_,t,17),stringToUTF8(m,n,17)):(stringToUTF8(_,n,17),stringToUTF8(m,t,17))};__tzset_js.sig="vpppp";var _emscripten_date_now=()=>Date.now();_emscripten_date_now.sig="d";var getHeapMax=()=>2147483648,growMemory=e=>{var r=wasmMemory.buffer.byteLength,t=(e-r+65535)/65536|0;try{return wasmMemory.grow(t),updateMemoryViews(),1}catch{}},_emscripten_resize_heap=e=>{var r=HEAPU8.length;e>>>=0;var t=getHeapMax();if(e>t)return!1;for(var n=1;n<=4;n*=2){var i=r*(1+.2/n);i=Math.min(i,e+100663296);var o=Math.min(t,alignMemory(Math.max(e,i),65536)),a=growMemory(o);if(a)return!0}return!1};_emscripten_resize_heap.sig="ip";var ENV={},getExecutableName=()=>thisProgram,getEnvStrings=()=>{if(!getEnvStrings.strings){var e=(globalThis.navigator?.language??"C").replace("-","_")+".UTF-8",r={USER:"web_user",LOGNAME:"web_user",PATH:"/",PWD:"/",HOME:"/home/web_user",LANG:e,_:getExecutableName()};for(var t in ENV)ENV[t]===void 0?delete r[t]:r[t]=ENV[t];var n=[];for(var t in r)n.push(`${t}=${r[t]}`);getEnvStrings.strings=n}return getEnvStrings.strings},_environ_get=(e,r)=>{var t=0,n=0;for(var i of getEnvStrings()){var o=r+t;HEAPU32[e+n>>2]=o,t+=stringToUTF8(i,o,1/0)+1,n+=4}return 0};_environ_get.sig="ipp";var _environ_sizes_get=(e,r)=>{var t=getEnvStrings();HEAPU32[e>>2]=t.length;var n=0;for(var i of t)n+=lengthBytesUTF8(i)+1;return HEAPU32[r>>2]=n,0};_environ_sizes_get.sig="ipp";function _fd_close(e){try{var r=SYSCALLS.getStreamFromFD(e);return FS.close(r),0}catch(t){if(typeof FS>"u"||t.name!=="ErrnoError")throw t;return t.errno}}_fd_close.sig="ii";function _fd_fdstat_get(e,r){try{var t=SYSCALLS.getStreamFromFD(e),n=t.tty?2:FS.isDir(t.mode)?3:FS.isLink(t.mode)?7:4;return HEAP8[r]=n,HEAP16[r+2>>1]=0,HEAP64[r+8>>3]=BigInt(0),HEAP64[r+16>>3]=BigInt(0),0}catch(i){if(typeof FS>"u"||i.name!=="ErrnoError")throw i;return i.errno}}_fd_fdstat_get.sig="iip";var doReadv=(e,r,t,n)=>{for(var i=0,o=0;o<t;o++){var a=HEAPU32[r>>2],s=HEAPU32[r+4>>2];r+=8;try{var l=FS.read(e,HEAP8,a,s,n)}catch(u){if(i>0&&u instanceof FS.ErrnoError&&(u.errno==6||u.errno==6))break;throw u}if(l<0)return-1;if(i+=l,l<s)break;typeof n<"u"&&(n+=l)}return i};function _fd_read(e,r,t,n){try{var i=SYSCALLS.getStreamFromFD(e),o=doReadv(i,r,t);return HEAPU32[n>>2]=o,0}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return a.errno}}_fd_read.sig="iippp";function _fd_seek(e,r,t,n){r=bigintToI53Checked(r);try{if(isNaN(r))return 22;var i=SYSCALLS.getStreamFromFD(e);return FS.llseek(i,r,t),HEAP64[n>>3]=BigInt(i.position),i.getdents&&!r&&t===0&&(i.getdents=null),0}catch(o){if(typeof FS>"u"||o.name!=="ErrnoError")throw o;return o.errno}}_fd_seek.sig="iijip";function _fd_sync(e){try{var r=SYSCALLS.getStreamFromFD(e),t=r.stream_ops?.fsync?.(r);return t}catch(n){if(typeof FS>"u"||n.name!=="ErrnoError")throw n;return n.errno}}_fd_sync.sig="ii";var doWritev=(e,r,t,n)=>{if(t==1)return FS.write(e,HEAP8,HEAPU32[r>>2],HEAPU32[r+4>>2],n);for(var i=0,o=0,a=r;o<t;o++,a+=8)i+=HEAPU32[a+4>>2];var s=new Uint8Array(i),l=0;for(o=0;o<t;o++,r+=8){var u=HEAPU32[r>>2],c=HEAPU32[r+4>>2];s.set(HEAPU8.subarray(u,u+c),l),l+=c}return FS.write(e,s,0,i,n)};function _fd_write(e,r,t,n){try{var i=SYSCALLS.getStreamFromFD(e),o=doWritev(i,r,t);return HEAPU32[n>>2]=o,0}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return a.errno}}_fd_write.sig="iippp";var inetPton4=e=>{for(var r=e.split("."),t=0;t<4;t++){var n=Number(r[t]);if(isNaN(n))return null;r[t]=n}return(r[0]|r[1]<<8|r[2]<<16|r[3]<<24)>>>0},inetNtop4=e=>(e&255)+"."+(e>>8&255)+"."+(e>>16&255)+"."+(e>>24&255),inetPton6=e=>{var r,t,n,i,o=[];if(!/^((?=.*::)(?!.*::.+::)(::)?([\dA-F]{1,4}:(:|\b)|){5}|([\dA-F]{1,4}:){6})((([\dA-F]{1,4}((?!\3)::|:\b|$))|(?!\2\3)){2}|(((2[0-4]|1\d|[1-9])?\d|25[0-5])\.?\b){4})$/i.test(e))return null;if(e==="::")return[0,0,0,0,0,0,0,0];for(e.startsWith("::")?e=e.replace("::","Z:"):e=e.replace("::",":Z:"),e.indexOf(".")>0?(e=e.replace(new RegExp("[.]","g"),":"),r=e.split(":"),r[r.length-4]=Number(r[r.length-4])+Number(r[r.length-3])*256,r[r.length-3]=Number(r[r.length-2])+Number(r[r.length-1])*256,r=r.slice(0,r.length-2)):r=e.split(":"),n=0,i=0,t=0;t<r.length;t++)if(typeof r[t]=="string")if(r[t]==="Z"){for(i=0;i<8-r.length+1;i++)o[t+i]=0;n=i-1}else o[t+n]=_htons(parseInt(r[t],16));else o[t+n]=r[t];return[o[1]<<16|o[0],o[3]<<16|o[2],o[5]<<16|o[4],o[7]<<16|o[6]]},inetNtop6=e=>{var r="",t=0,n=0,i=0,o=0,a=0,s=0,l=[e[0]&65535,e[0]>>16,e[1]&65535,e[1]>>16,e[2]&65535,e[2]>>16,e[3]&65535,e[3]>>16],u=!0,c="";for(s=0;s<5;s++)if(l[s]){u=!1;break}if(u){if(c=inetNtop4(l[6]|l[7]<<16),l[5]===-1)return r="::ffff:",r+=c,r;if(!l[5])return r="::",c==="0.0.0.0"&&(c=""),c==="0.0.0.1"&&(c="1"),r+=c,r}for(t=0;t<8;t++)l[t]||(t-i>1&&(a=0),i=t,a++),a>n&&(n=a,o=t-n+1);for(t=0;t<8;t++){if(n>1&&!l[t]&&t>=o&&t<o+n){t===o&&(r+=":",o||(r+=":"));continue}r+=Number(_ntohs(l[t]&65535)).toString(16),r+=t<7?":":""}return r},DNS={address_map:{id:1,addrs:{},names:{}},lookup_name(e){var r=inetPton4(e);if(r!==null||(r=inetPton6(e),r!==null))return e;var t;if(DNS.address_map.addrs[e])t=DNS.address_map.addrs[e];else{var n=DNS.address_map.id++;t="172.29."+(n&255)+"."+(n&65280),DNS.address_map.names[t]=e,DNS.address_map.addrs[e]=t}return t},lookup_addr(e){return DNS.address_map.names[e]?DNS.address_map.names[e]:null}},writeSockaddr=(e,r,t,n,i)=>{switch(r){case 2:t=inetPton4(DNS.lookup_name(t)),zeroMemory(e,16),i&&(HEAP32[i>>2]=16),HEAP16[e>>1]=r,HEAP32[e+4>>2]=t,HEAP16[e+2>>1]=_htons(n);break;case 10:t=inetPton6(DNS.lookup_name(t)),zeroMemory(e,28),i&&(HEAP32[i>>2]=28),HEAP32[e>>2]=r,HEAP32[e+8>>2]=t[0],HEAP32[e+12>>2]=t[1],HEAP32[e+16>>2]=t[2],HEAP32[e+20>>2]=t[3],HEAP16[e+2>>1]=_htons(n);break;default:return 5}return 0},_getaddrinfo=(e,r,t,n)=>{var i=0,o=0,a=0,s=0,l=0,u=0,c;function _(m,f,p,F,S,E){var y,A,d;return A=m===10?28:16,S=m===10?inetNtop6(S):inetNtop4(S),y=_malloc(A),writeSockaddr(y,m,S,E),d=_malloc(32),HEAP32[d+4>>2]=m,HEAP32[d+8>>2]=f,HEAP32[d+12>>2]=p,HEAPU32[d+24>>2]=F,HEAPU32[d+20>>2]=y,m===10?HEAP32[d+16>>2]=28:HEAP32[d+16>>2]=16,HEAP32[d+28>>2]=0,d}if(t&&(a=HEAP32[t>>2],s=HEAP32[t+4>>2],l=HEAP32[t+8>>2],u=HEAP32[t+12>>2]),l&&!u&&(u=l===2?17:6),!l&&u&&(l=u===17?2:1),u||(u=6),l||(l=1),!e&&!r)return-2;if(a&-1088||t&&HEAP32[t>>2]&2&&!e)return-1;if(a&32)return-2;if(l&&l!==1&&l!==2)return-7;if(s!==0&&s!==2&&s!==10)return-6;if(r&&(r=UTF8ToString(r),o=parseInt(r,10),isNaN(o)))return a&1024?-2:-8;if(!e)return s===0&&(s=2),a&1||(s===2?i=_htonl(2130706433):i=[0,0,0,_htonl(1)]),c=_(s,l,u,null,i,o),HEAPU32[n>>2]=c,0;if(e=UTF8ToString(e),i=inetPton4(e),i!==null)if(s===0||s===2)s=2;else if(s===10&&a&8)i=[0,0,_htonl(65535),i],s=10;else return-2;else if(i=inetPton6(e),i!==null)if(s===0||s===10)s=10;else return-2;return i!=null?(c=_(s,l,u,e,i,o),HEAPU32[n>>2]=c,0):a&4?-2:(e=DNS.lookup_name(e),i=inetPton4(e),s===0?s=2:s===10&&(i=[0,0,_htonl(65535),i]),c=_(s,l,u,null,i,o),HEAPU32[n>>2]=c,0)};_getaddrinfo.sig="ipppp";var removeFunction=e=>{functionsInTableMap.delete(getWasmTableEntry(e)),setWasmTableEntry(e,null),freeTableIndexes.push(e)},stringToNewUTF8=e=>{var r=lengthBytesUTF8(e)+1,t=_malloc(r);return t&&stringToUTF8(e,t,r),t},FS_createPath=(...e)=>FS.createPath(...e),FS_unlink=(...e)=>FS.unlink(...e),FS_createLazyFile=(...e)=>FS.createLazyFile(...e),FS_createDevice=(...e)=>FS.createDevice(...e);registerWasmPlugin(),FS.createPreloadedFile=FS_createPreloadedFile,FS.preloadFile=FS_preloadFile,FS.staticInit(),Module.noExitRuntime&&(noExitRuntime=Module.noExitRuntime),Module.print&&(out=Module.print),Module.printErr&&(err=Module.printErr),Module.dynamicLibraries&&(dynamicLibraries=Module.dynamicLibraries),Module.arguments&&(programArgs=Module.arguments),Module.thisProgram&&(thisProgram=Module.thisProgram);var preInit=Module.preInit;if(preInit)for(typeof preInit=="function"&&(Module.preInit=preInit=[preInit]);preInit.length>0;)preInit.shift()();Module.callMain=callMain,Module.stackSave=stackSave,Module.stackRestore=stackRestore,Module.ENV=ENV,Module.addRunDependency=addRunDependency,Module.removeRunDependency=removeRunDependency,Module.addFunction=addFunction,Module.removeFunction=removeFunction,Module.UTF8ToString=UTF8ToString,Module.stringToNewUTF8=stringToNewUTF8,Module.stringToUTF8OnStack=stringToUTF8OnStack,Module.FS_preloadFile=FS_preloadFile,Module.FS_unlink=FS_unlink,Module.FS_createPath=FS_createPath,Module.FS_createDevice=FS_createDevice,Module.FS=FS,Module.FS_createDataFile=FS_createDataFile,Module.FS_createLazyFile=FS_createLazyFile,Module.MEMFS=MEMFS,Module.PROXYFS=PROXYFS;var ASM_CONSTS={},_pgl_exit,___errno_location,_fflush,_fopen,_fclose,_pgl_popen,_fputs,_main,_pgl_atexit,_pgl_geteuid,_pgl_system,_malloc,_calloc,_pgl_setsockopt,_pgl_connect,_pgl_send,_pgl_recv,_fgets,_pgl_getsockopt,_pgl_getsockname,_pgl_poll,_clear_setitimer,_pgl_longjmp,_pgl_siglongjmp,_pgl_set_system_fn,_pgl_set_popen_fn,_pgl_set_pclose_fn,_pgl_pclose,_pclose,_pgl_getuid,_pgl_getpwuid,_pgl_run_atexit_funcs,_pgl_freopen,_pgl_shmget,_pgl_shmat,_pgl_shmdt,_pgl_shmctl,_pgl_munmap,_pgl_set_rw_cbs,_pgl_fcntl,___funcs_on_exit,___dl_seterr,__emscripten_find_dylib,_htonl,_htons,_emscripten_builtin_memalign,_ntohs,__emscripten_timeout,_strerror,_emscripten_get_sbrk_ptr,_setThrew,__emscripten_stack_restore,__emscripten_stack_alloc,_emscripten_stack_get_current,memory,___stack_pointer,__indirect_function_table,___heap_base,wasmTable,wasmMemory;function assignWasmExports(e){_pgl_exit=Module._pgl_exit=e.pgl_exit,___errno_location=Module.___errno_location=e.__errno_location,_fflush=Module._fflush=e.fflush,_fopen=Module._fopen=e.fopen,_fclose=Module._fclose=e.fclose,_pgl_popen=Module._pgl_popen=e.pgl_popen,_fputs=Module._fputs=e.fputs,_main=Module._main=e.__main_argc_argv,_pgl_atexit=Module._pgl_atexit=e.pgl_atexit,_pgl_geteuid=Module._pgl_geteuid=e.pgl_geteuid,_pgl_system=Module._pgl_system=e.pgl_system,_malloc=e.malloc,_calloc=e.calloc,_pgl_setsockopt=Module._pgl_setsockopt=e.pgl_setsockopt,_pgl_connect=Module._pgl_connect=e.pgl_connect,_pgl_send=Module._pgl_send=e.pgl_send,_pgl_recv=Module._pgl_recv=e.pgl_recv,_fgets=Module._fgets=e.fgets,_pgl_getsockopt=Module._pgl_getsockopt=e.pgl_getsockopt,_pgl_getsockname=Module._pgl_getsockname=e.pgl_getsockname,_pgl_poll=Module._pgl_poll=e.pgl_poll,_clear_setitimer=Module._clear_setitimer=e.clear_setitimer,_pgl_longjmp=Module._pgl_longjmp=e.pgl_longjmp,_pgl_siglongjmp=Module._pgl_siglongjmp=e.pgl_siglongjmp,_pgl_set_system_fn=Module._pgl_set_system_fn=e.pgl_set_system_fn,_pgl_set_popen_fn=Module._pgl_set_popen_fn=e.pgl_set_popen_fn,_pgl_set_pclose_fn=Module._pgl_set_pclose_fn=e.pgl_set_pclose_fn,_pgl_pclose=Module._pgl_pclose=e.pgl_pclose,_pclose=Module._pclose=e.pclose,_pgl_getuid=Module._pgl_getuid=e.pgl_getuid,_pgl_getpwuid=Module._pgl_getpwuid=e.pgl_getpwuid,_pgl_run_atexit_funcs=Module._pgl_run_atexit_funcs=e.pgl_run_atexit_funcs,_pgl_freopen=Module._pgl_freopen=e.pgl_freopen,_pgl_shmget=Module._pgl_shmget=e.pgl_shmget,_pgl_shmat=Module._pgl_shmat=e.pgl_shmat,_pgl_shmdt=Module._pgl_shmdt=e.pgl_shmdt,_pgl_shmctl=Module._pgl_shmctl=e.pgl_shmctl,_pgl_munmap=Module._pgl_munmap=e.pgl_munmap,_pgl_set_rw_cbs=Module._pgl_set_rw_cbs=e.pgl_set_rw_cbs,_pgl_fcntl=Module._pgl_fcntl=e.pgl_fcntl,___funcs_on_exit=e.__funcs_on_exit,___dl_seterr=e.__dl_seterr,__emscripten_find_dylib=e._emscripten_find_dylib,_htonl=e.htonl,_htons=e.htons,_emscripten_builtin_memalign=e.emscripten_builtin_memalign,_ntohs=e.ntohs,__emscripten_timeout=e._emscripten_timeout,_strerror=Module._strerror=e.strerror,_emscripten_get_sbrk_ptr=e.emscripten_get_sbrk_ptr,_setThrew=e.setThrew,__emscripten_stack_restore=e._emscripten_stack_restore,__emscripten_stack_alloc=e._emscripten_stack_alloc,_emscripten_stack_get_current=e.emscripten_stack_get_current,memory=wasmMemory=e.memory,___stack_pointer=e.__stack_pointer,__indirect_function_table=wasmTable=e.__indirect_function_table,___heap_base=e.__heap_base.value}var wasmImports={__call_sighandler:___call_sighandler,__syscall_chmod:___syscall_chmod,__syscall_dup3:___syscall_dup3,__syscall_faccessat:___syscall_faccessat,__syscall_fadvise64:___syscall_fadvise64,__syscall_fcntl64:___syscall_fcntl64,__syscall_fstat64:___syscall_fstat64,__syscall_getcwd:___syscall_getcwd,__syscall_getdents64:___syscall_getdents64,__syscall_ioctl:___syscall_ioctl,__syscall_lstat64:___syscall_lstat64,__syscall_mkdirat:___syscall_mkdirat,__syscall_newfstatat:___syscall_newfstatat,__syscall_openat:___syscall_openat,__syscall_readlinkat:___syscall_readlinkat,__syscall_rmdir:___syscall_rmdir,__syscall_stat64:___syscall_stat64,__syscall_symlinkat:___syscall_symlinkat,__syscall_umask:___syscall_umask,__syscall_unlinkat:___syscall_unlinkat,_abort_js:__abort_js,_emscripten_runtime_keepalive_clear:__emscripten_runtime_keepalive_clear,_emscripten_throw_longjmp:__emscripten_throw_longjmp,_localtime_js:__localtime_js,_mktime_js:__mktime_js,_mmap_js:__mmap_js,_munmap_js:__munmap_js,_setitimer_js:__setitimer_js,_tzset_js:__tzset_js,emscripten_date_now:_emscripten_date_now,emscripten_get_now:_emscripten_get_now,emscripten_resize_heap:_emscripten_resize_heap,environ_get:_environ_get,environ_sizes_get:_environ_sizes_get,exit:_exit,fd_close:_fd_close,fd_fdstat_get:_fd_fdstat_get,fd_read:_fd_read,fd_seek:_fd_seek,fd_sync:_fd_sync,fd_write:_fd_write,getaddrinfo:_getaddrinfo,invoke_ii,invoke_iiii,invoke_vii,proc_exit:_proc_exit};function invoke_iiii(e,r,t,n){var i=stackSave();try{return getWasmTableEntry(e)(r,t,n)}catch(o){if(stackRestore(i),!(o instanceof EmscriptenEH))throw o;_setThrew(1,0)}}function invoke_ii(e,r){var t=stackSave();try{return getWasmTableEntry(e)(r)}catch(n){if(stackRestore(t),!(n instanceof EmscriptenEH))throw n;_setThrew(1,0)}}function invoke_vii(e,r,t){var n=stackSave();try{getWasmTableEntry(e)(r,t)}catch(i){if(stackRestore(n),!(i instanceof EmscriptenEH))throw i;_setThrew(1,0)}}function callMain(e=[]){var r=resolveGlobalSymbol("main").sym;if(r){e.unshift(thisProgram);var t=e.length,n=stackAlloc((t+1)*4),i=n;for(var o of e)HEAPU32[i>>2]=stringToUTF8OnStack(o),i+=4;HEAPU32[i>>2]=0;try{var a=r(t,n);return exitJS(a,!0),a}catch(s){return handleException(s)}}}async function run(e=programArgs){preRun(),runDependencies&&await resolveRunDependencies();var r=Module.setStatus;if(r&&(r("Running..."),await new Promise(n=>setTimeout(n,1)),setTimeout(r,1,"")),!ABORT){initRuntime(),Module.onRuntimeInitialized?.();var t=Module.noInitialRun||!0;t||callMain(e),postRun()}}var wasmExports;return wasmExports=await createWasm(),await run(),quit_=(e,r)=>{throw r},Module}var Pe=br;var ke=Pe;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_1__.j)();var Re="(?:"+["\\|\\|","\\&\\&",";;","\\|\\&","\\<\\(","\\<\\<\\<",">>",">\\&","<\\&","[&;()|<>]"].join("|")+")",Me=new RegExp("^"+Re+"$"),Oe="|&;()<> \\t",Tr='"((\\\\"|[^"])*?)"',Pr="'((\\\\'|[^'])*?)'",kr=/^#$/,De="'",Ne='"',oe="$",C="",Mr=4294967296;for(let e=0;e<4;e++)C+=(Mr*Math.random()).toString(16);var Or=new RegExp("^"+C);function Dr(e,r){let t=r.lastIndex,n=[],i;for(;i=r.exec(e);)n.push(i),r.lastIndex===i.index&&(r.lastIndex+=1);return r.lastIndex=t,n}function Nr(e,r,t){let n=typeof e=="function"?e(t):e[t];return typeof n>"u"&&t!==""?n="":typeof n>"u"&&(n="$"),typeof n=="object"?r+C+JSON.stringify(n)+C:r+n}function Rr(e,r,t){t||(t={});let n=t.escape||"\\",i="(\\"+n+`['"`+Oe+`]|[^\\s'"`+Oe+"])+",o=new RegExp(["("+Re+")","("+i+"|"+Tr+"|"+Pr+")+"].join("|"),"g"),a=Dr(e,o);if(a.length===0)return[];r||(r={});let s=!1;return a.map(function(l){let u=l[0];if(!u||s)return;if(Me.test(u))return{op:u};let c=!1,_=!1,m="",f=!1,p;function F(){p+=1;let S,E,y=u.charAt(p);if(y==="{"){if(p+=1,u.charAt(p)==="}")throw new Error("Bad substitution: "+u.slice(p-2,p+1));if(S=u.indexOf("}",p),S<0)throw new Error("Bad substitution: "+u.slice(p));E=u.slice(p,S),p=S}else if(/[*@#?$!_-]/.test(y))E=y,p+=1;else{let A=u.slice(p),d=A.match(/[^\w\d_]/);d?(E=A.slice(0,d.index),p+=d.index-1):(E=A,p=u.length)}return Nr(r,"",E)}for(p=0;p<u.length;p++){let S=u.charAt(p);if(f=f||!c&&(S==="*"||S==="?"),_)m+=S,_=!1;else if(c)S===c?c=!1:c===De?m+=S:S===n?(p+=1,S=u.charAt(p),S===Ne||S===n||S===oe?m+=S:m+=n+S):S===oe?m+=F():m+=S;else if(S===Ne||S===De)c=S;else{if(Me.test(S))return{op:u};if(kr.test(S)){s=!0;let E={comment:e.slice(l.index+p+1)};return m.length?[m,E]:[E]}else S===n?_=!0:S===oe?m+=F():m+=S}}return f?{op:"glob",pattern:m}:m}).reduce(function(l,u){return typeof u>"u"?l:l.concat(u)},[])}function ae(e,r,t){let n=Rr(e,r,t);return typeof r!="function"?n:n.reduce(function(i,o){if(typeof o=="object")return i.concat(o);let a=o.split(RegExp("("+C+".*?"+C+")","g"));return a.length===1?i.concat(a[0]):i.concat(a.filter(Boolean).map(function(s){return Or.test(s)?JSON.parse(s.split(C)[1]):s}))},[])}function Ur(e,r){if(!e)throw new Error(r??"Assertion failed")}var U="/pglite",I=U+"/data",Hr=U+"/icu",Lr=U+"/bin/initdb",pt=U+"/bin/postgres",Ue=U+"/pgstdout",He=U+"/pgstdin";function B(e,...r){e&&e>0&&console.log("initdb: ",...r)}async function Cr({pg:e,debug:r,args:t,wasmModule:n}){let i,o,a,s=!1,l=[],u=0,c=-1,_=-1,m="",f="",p=d=>{let g=d.shift();B(r,"initdb: firstArg",g),Ur(g==="/pglite/bin/postgres",`trying to execute ${g}`),e.Module.HEAPU8.set(F),B(r,"executing pg main with",d);let v=e.callMain(d);return B(r,v),l=[],v},F=e.Module.HEAPU8.slice(),S=new WebAssembly.Memory({initial:8,maximum:100}),y=await ke({arguments:t,noExitRuntime:!1,wasmMemory:S,thisProgram:Lr,stdin:()=>null,print:d=>{f+=d,B(r,"initdbout",d)},printErr:d=>{m+=d,B(r,"initdberr",d)},instantiateWasm:(d,g)=>(_chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_0__.a.instantiateWasm(d,n??(()=>__webpack_require__.ab + "initdb.wasm")).then(({instance:v,module:N})=>{g(v,N)}),{}),locateFile:(d,g)=>d.endsWith(".so")?"/pglite/lib/"+d:g+d,preRun:[d=>{d.ENV.PGDATA=I,d.ENV.HOME="/home/postgres",d.ENV.USER="postgres",d.ENV.LOGNAME="postgres",d.ENV.ICU_DATA=Hr,d.ENV.TZ="UTC"},d=>{d.FS.mkdirTree(U),d.FS.mount(d.PROXYFS,{root:U,fs:e.Module.FS},U)},d=>{d.onRuntimeInitialized=()=>{i=d.addFunction(g=>(l=Le(d.UTF8ToString(g)),p(l)),"pi"),d._pgl_set_system_fn(i),o=d.addFunction((g,v)=>{let N=d.UTF8ToString(v);if(l=Le(d.UTF8ToString(g)),N==="r")return u=p(l),c;if(N==="w")return s=!0,_;throw`Unexpected popen mode value ${N}`},"ppi"),d._pgl_set_popen_fn(o),a=d.addFunction(g=>g===c||g===_?(s&&(s=!1,u=p(l)),u):d._pclose(g),"pi"),d._pgl_set_pclose_fn(a);{let g=e.Module.stringToUTF8OnStack(He),v=e.Module.stringToUTF8OnStack("r");e.Module._pgl_freopen(g,v,0);let N=e.Module.stringToUTF8OnStack(Ue),K=e.Module.stringToUTF8OnStack("w");e.Module._pgl_freopen(N,K,1)}{let g=d.stringToUTF8OnStack(Ue),v=d.stringToUTF8OnStack("r");c=d._fopen(g,v);let N=d.stringToUTF8OnStack(He),K=d.stringToUTF8OnStack("w");_=d._fopen(N,K)}}}]});return B(r,"calling initdb.main with",t),{exitCode:y.callMain(t),stderr:m,stdout:f,dataFolder:I}}function Le(e){let r=[],t=ae(e);for(let n=0;n<t.length;n++){let i=t[n];if(typeof i=="object"&&"op"in i)break;typeof i=="string"&&r.push(i)}return r}async function St({pg:e,debug:r,args:t,wasmModule:n}){return await Cr({pg:e,debug:r,args:["--allow-group-access","--encoding","UTF8","--locale=C.UTF-8","--locale-provider=libc","--auth=trust",...t??[]],wasmModule:n})}var Ce=class{constructor(r){this.dataDir=r}async init(r,t){return this.pg=r,{emscriptenOpts:t}}async syncToFs(r){}async initialSyncFs(){}async closeFs(){}async dumpTar(r,t){return ie(this.pg.Module.FS,I,r,t)}},Ie=class{constructor(r,{debug:t=!1}={}){this.dataDir=r,this.debug=t}async syncToFs(r){}async initialSyncFs(){}async closeFs(){}async dumpTar(r,t){return ie(this.pg.Module.FS,I,r,t)}async init(r,t){return this.pg=r,{emscriptenOpts:{...t,preRun:[...t.preRun||[],i=>{let o=Ir(i,this);i.FS.mkdirTree(I),i.FS.mount(o,{},I)}]}}}},xe={EBADF:8,EBADFD:127,EEXIST:20,EINVAL:28,EISDIR:31,ENODEV:43,ENOENT:44,ENOTDIR:54,ENOTEMPTY:55},Ir=(e,r)=>{let t=e.FS,n=r.debug?console.log:null,i={tryFSOperation(o){try{return o()}catch(a){throw a.code?a.code==="UNKNOWN"?new t.ErrnoError(xe.EINVAL):new t.ErrnoError(a.code):a}},mount(o){return i.createNode(null,"/",16895,0)},syncfs(o,a,s){},createNode(o,a,s,l){if(!t.isDir(s)&&!t.isFile(s))throw new t.ErrnoError(28);let u=t.createNode(o,a,s);return u.node_ops=i.node_ops,u.stream_ops=i.stream_ops,u},getMode:function(o){return n?.("getMode",o),i.tryFSOperation(()=>r.lstat(o).mode)},realPath:function(o){let a=[];for(;o.parent!==o;)a.push(o.name),o=o.parent;return a.push(o.mount.opts.root),a.reverse(),a.join("/")},node_ops:{getattr(o){n?.("getattr",i.realPath(o));let a=i.realPath(o);return i.tryFSOperation(()=>{let s=r.lstat(a);return{...s,dev:0,ino:o.id,nlink:1,rdev:o.rdev,atime:new Date(s.atime),mtime:new Date(s.mtime),ctime:new Date(s.ctime)}})},setattr(o,a){n?.("setattr",i.realPath(o),a);let s=i.realPath(o);i.tryFSOperation(()=>{if(a.mode!==void 0&&r.chmod(s,a.mode),a.size!==void 0&&r.truncate(s,a.size),a.timestamp!==void 0&&r.utimes(s,a.timestamp,a.timestamp),a.atime||a.mtime){let l=new Date(a.atime||a.mtime).getTime(),u=new Date(a.mtime||a.atime).getTime();r.utimes(s,l,u)}a.size!==void 0&&r.truncate(s,a.size)})},lookup(o,a){n?.("lookup",i.realPath(o),a);let s=[i.realPath(o),a].join("/"),l=i.getMode(s);return i.createNode(o,a,l)},mknod(o,a,s,l){n?.("mknod",i.realPath(o),a,s,l);let u=i.createNode(o,a,s,l),c=i.realPath(u);return i.tryFSOperation(()=>(t.isDir(u.mode)?r.mkdir(c,{mode:s}):r.writeFile(c,"",{mode:s}),u))},rename(o,a,s){n?.("rename",i.realPath(o),i.realPath(a),s);let l=i.realPath(o),u=[i.realPath(a),s].join("/");i.tryFSOperation(()=>{r.rename(l,u)}),o.name=s},unlink(o,a){n?.("unlink",i.realPath(o),a);let s=[i.realPath(o),a].join("/");try{r.unlink(s)}catch{}},rmdir(o,a){n?.("rmdir",i.realPath(o),a);let s=[i.realPath(o),a].join("/");return i.tryFSOperation(()=>{r.rmdir(s)})},readdir(o){n?.("readdir",i.realPath(o));let a=i.realPath(o);return i.tryFSOperation(()=>r.readdir(a))},symlink(o,a,s){throw n?.("symlink",i.realPath(o),a,s),new t.ErrnoError(63)},readlink(o){throw n?.("readlink",i.realPath(o)),new t.ErrnoError(63)}},stream_ops:{open(o){n?.("open stream",i.realPath(o.node));let a=i.realPath(o.node);return i.tryFSOperation(()=>{t.isFile(o.node.mode)&&(o.shared.refcount=1,o.nfd=r.open(a))})},close(o){return n?.("close stream",i.realPath(o.node)),i.tryFSOperation(()=>{t.isFile(o.node.mode)&&o.nfd&&--o.shared.refcount===0&&r.close(o.nfd)})},dup(o){n?.("dup stream",i.realPath(o.node)),o.shared.refcount++},read(o,a,s,l,u){return n?.("read stream",i.realPath(o.node),s,l,u),l===0?0:i.tryFSOperation(()=>r.read(o.nfd,a,s,l,u))},write(o,a,s,l,u){return n?.("write stream",i.realPath(o.node),s,l,u),i.tryFSOperation(()=>r.write(o.nfd,a.buffer,s,l,u))},llseek(o,a,s){n?.("llseek stream",i.realPath(o.node),a,s);let l=a;if(s===1?l+=o.position:s===2&&t.isFile(o.node.mode)&&i.tryFSOperation(()=>{let u=r.fstat(o.nfd);l+=u.size}),l<0)throw new t.ErrnoError(28);return l},mmap(o,a,s,l,u){if(n?.("mmap stream",i.realPath(o.node),a,s,l,u),!t.isFile(o.node.mode))throw new t.ErrnoError(xe.ENODEV);let c=e.mmapAlloc(a);return i.stream_ops.read(o,e.HEAPU8,c,a,s),{ptr:c,allocated:!0}},msync(o,a,s,l,u){return n?.("msync stream",i.realPath(o.node),s,l,u),i.stream_ops.write(o,a,0,l,s),0}}};return i};
//# sourceMappingURL=chunk-N66TTF7B.js.map

/***/ }),

/***/ 7002:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ z)
/* harmony export */ });
/* unused harmony export a */
/* harmony import */ var _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2713);
/* harmony import */ var _chunk_KLBW4PNS_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3775);
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.j)();var x=class extends _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.k{constructor(){super("Transaction was rolled back instead of committed",0,"error"),this.severity="ERROR",this.code="25P02"}};function P(h){let s=h.e;return s.query=h.query,s.params=h.params,s.queryOptions=h.options,s}(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.j)();var T,p,t,u,R,m,F,D,z=class{constructor(){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.f)(this,t);this.serializers={..._chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.c};this.parsers={..._chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.b};(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.f)(this,T,!1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.f)(this,p,!1)}async _initArrayTypes({force:s=!1}={}){if((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.e)(this,T)&&!s)return;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.g)(this,T,!0);let e=await this.query(`
      SELECT b.oid, b.typarray
      FROM pg_catalog.pg_type a
      LEFT JOIN pg_catalog.pg_type b ON b.oid = a.typelem
      WHERE a.typcategory = 'A'
      GROUP BY b.oid, b.typarray
      ORDER BY b.oid
    `);for(let r of e.rows)this.serializers[r.typarray]=c=>(0,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.d)(c,this.serializers[r.oid],r.typarray),this.parsers[r.typarray]=c=>(0,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.e)(c,this.parsers[r.oid],r.typarray)}async refreshArrayTypes(){await this._initArrayTypes({force:!0})}async query(s,e,r){return await this._checkReady(),await this._runExclusiveTransaction(async()=>await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,R).call(this,s,e,r))}async sql(s,...e){let{query:r,params:c}=(0,_chunk_KLBW4PNS_js__WEBPACK_IMPORTED_MODULE_1__.d)(s,...e);return await this.query(r,c)}async exec(s,e){return await this._checkReady(),await this._runExclusiveTransaction(async()=>await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,m).call(this,s,e))}async describeQuery(s,e){return await this._checkReady(),await this._runExclusiveTransaction(()=>this._runExclusiveQuery(()=>(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,F).call(this,s,e)))}async transaction(s){return await this._checkReady(),await this._runExclusiveTransaction(async()=>{await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,m).call(this,"BEGIN"),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.g)(this,p,!0);let e=!1,r=()=>{if(e)throw new Error("Transaction is closed")},c={query:async(i,n,y)=>(r(),await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,R).call(this,i,n,y)),sql:async(i,...n)=>{r();let{query:y,params:o}=(0,_chunk_KLBW4PNS_js__WEBPACK_IMPORTED_MODULE_1__.d)(i,...n);return await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,R).call(this,y,o)},exec:async(i,n)=>(r(),await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,m).call(this,i,n)),rollback:async()=>{r(),await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,m).call(this,"ROLLBACK"),e=!0},listen:async(i,n)=>(r(),await this.listen(i,n,c)),get closed(){return e}};try{let i=await s(c);if(!e){e=!0;let[n]=await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,m).call(this,"COMMIT");if(n.command==="ROLLBACK")throw P({e:new x,query:"COMMIT",params:void 0,options:void 0})}return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.g)(this,p,!1),i}catch(i){throw e||(e=!0,await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,m).call(this,"ROLLBACK")),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.g)(this,p,!1),i}})}async runExclusive(s){return await this._runExclusiveQuery(s)}};T=new WeakMap,p=new WeakMap,t=new WeakSet,u=async function(s,e={}){return await this.execProtocolStream(s,{...e,syncToFs:!1})},R=async function(s,e=[],r){return await this._runExclusiveQuery(async()=>{(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,D).call(this,"runQuery",s,e,r),await this._handleBlob(r?.blob);let c=[];try{let n=await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.parse({text:s,types:r?.paramTypes}),r),y=(0,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.h)(await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.describe({type:"S"}),r)),o=e.map((b,M)=>{let Q=y[M];if(b==null)return null;let v=r?.serializers?.[Q]??this.serializers[Q];return v?v(b):b.toString()});c=[...n,...await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.bind({values:o}),r),...await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.describe({type:"P"}),r),...await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.execute({}),r)]}catch(n){throw n instanceof _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.k?P({e:n,options:r,params:e,query:s}):n}finally{c.push(...await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.sync(),r))}await this._cleanupBlob(),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.e)(this,p)||await this.syncToFs();let i=await this._getWrittenBlob();return (0,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.g)(c,this.parsers,r,i)[0]})},m=async function(s,e){return await this._runExclusiveQuery(async()=>{(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,D).call(this,"runExec",s,e),await this._handleBlob(e?.blob);let r=[];try{r=await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.query(s),e)}catch(i){throw i instanceof _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.k?P({e:i,options:e,params:void 0,query:s}):i}finally{r.push(...await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.sync(),e))}this._cleanupBlob(),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.e)(this,p)||await this.syncToFs();let c=await this._getWrittenBlob();return (0,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.g)(r,this.parsers,e,c)})},F=async function(s,e){let r=[];try{await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.parse({text:s,types:e?.paramTypes}),e),r=await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.describe({type:"S"}),e)}catch(o){throw o instanceof _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.k?P({e:o,options:e,params:void 0,query:s}):o}finally{r.push(...await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_2__.h)(this,t,u).call(this,_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_0__.j.sync(),e))}let c=r.find(o=>o.name==="parameterDescription"),i=r.find(o=>o.name==="rowDescription"),n=c?.dataTypeIDs.map(o=>({dataTypeID:o,serializer:this.serializers[o]}))??[],y=i?.fields.map(o=>({name:o.name,dataTypeID:o.dataTypeID,parser:this.parsers[o.dataTypeID]}))??[];return{queryParams:n,resultFields:y}},D=function(...s){this.debug>0&&console.log(...s)};
//# sourceMappingURL=chunk-UYHX356B.js.map

/***/ }),

/***/ 1367:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ je)
/* harmony export */ });
/* unused harmony exports a, b, c */
/* harmony import */ var _chunk_UYHX356B_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7002);
/* harmony import */ var _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2713);
/* harmony import */ var _chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2249);
/* harmony import */ var _chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2498);
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4417);
(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.j)();var lt=new Error("timeout while waiting for mutex to become available"),ot=new Error("mutex already locked"),tt=new Error("request for lock canceled"),rt=function(e,t,r,_){function n(a){return a instanceof r?a:new r(function(i){i(a)})}return new(r||(r=Promise))(function(a,i){function l(c){try{s(_.next(c))}catch(p){i(p)}}function o(c){try{s(_.throw(c))}catch(p){i(p)}}function s(c){c.done?a(c.value):n(c.value).then(l,o)}s((_=_.apply(e,t||[])).next())})},ke=class{constructor(t,r=tt){this._value=t,this._cancelError=r,this._weightedQueues=[],this._weightedWaiters=[]}acquire(t=1){if(t<=0)throw new Error(`invalid weight ${t}: must be positive`);return new Promise((r,_)=>{this._weightedQueues[t-1]||(this._weightedQueues[t-1]=[]),this._weightedQueues[t-1].push({resolve:r,reject:_}),this._dispatch()})}runExclusive(t,r=1){return rt(this,void 0,void 0,function*(){let[_,n]=yield this.acquire(r);try{return yield t(_)}finally{n()}})}waitForUnlock(t=1){if(t<=0)throw new Error(`invalid weight ${t}: must be positive`);return new Promise(r=>{this._weightedWaiters[t-1]||(this._weightedWaiters[t-1]=[]),this._weightedWaiters[t-1].push(r),this._dispatch()})}isLocked(){return this._value<=0}getValue(){return this._value}setValue(t){this._value=t,this._dispatch()}release(t=1){if(t<=0)throw new Error(`invalid weight ${t}: must be positive`);this._value+=t,this._dispatch()}cancel(){this._weightedQueues.forEach(t=>t.forEach(r=>r.reject(this._cancelError))),this._weightedQueues=[]}_dispatch(){var t;for(let r=this._value;r>0;r--){let _=(t=this._weightedQueues[r-1])===null||t===void 0?void 0:t.shift();if(!_)continue;let n=this._value,a=r;this._value-=r,r=this._value+1,_.resolve([n,this._newReleaser(a)])}this._drainUnlockWaiters()}_newReleaser(t){let r=!1;return()=>{r||(r=!0,this.release(t))}}_drainUnlockWaiters(){for(let t=this._value;t>0;t--)this._weightedWaiters[t-1]&&(this._weightedWaiters[t-1].forEach(r=>r()),this._weightedWaiters[t-1]=[])}},_t=function(e,t,r,_){function n(a){return a instanceof r?a:new r(function(i){i(a)})}return new(r||(r=Promise))(function(a,i){function l(c){try{s(_.next(c))}catch(p){i(p)}}function o(c){try{s(_.throw(c))}catch(p){i(p)}}function s(c){c.done?a(c.value):n(c.value).then(l,o)}s((_=_.apply(e,t||[])).next())})},V=class{constructor(t){this._semaphore=new ke(1,t)}acquire(){return _t(this,void 0,void 0,function*(){let[,t]=yield this._semaphore.acquire();return t})}runExclusive(t){return this._semaphore.runExclusive(()=>t())}isLocked(){return this._semaphore.isLocked()}waitForUnlock(){return this._semaphore.waitForUnlock()}release(){this._semaphore.isLocked()&&this._semaphore.release()}cancel(){return this._semaphore.cancel()}};(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.j)();var ye=class extends _chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.i{async init(t,r){return this.pg=t,{emscriptenOpts:{...r,preRun:[...r.preRun||[],n=>{let a=n.IDBFS;n.FS.mkdirTree(`${_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.c}/${this.dataDir}`),n.FS.mount(a,{},`${_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.c}/${this.dataDir}`),n.FS.symlink(`${_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.c}/${this.dataDir}`,_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d)}]}}}initialSyncFs(){return new Promise((t,r)=>{this.pg.Module.FS.syncfs(!0,_=>{_?r(_):t()})})}syncToFs(t){return new Promise((r,_)=>{this.pg.Module.FS.syncfs(!1,n=>{n?_(n):r()})})}async closeFs(){let t=this.pg.Module.IDBFS.dbs[this.dataDir];t&&t.close(),this.pg.Module.FS.quit()}};(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.j)();var ee=class extends _chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.i{async closeFs(){this.pg.Module.FS.quit()}};(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.j)();(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.j)();var Ne=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.c)((0,_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.a)(),1);async function Fe(e){if(_chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_3__.a.IN_NODE){let t=await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 9896, 19)),r=await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3106, 19)),{Writable:_}=await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 2203, 19)),{pipeline:n}=await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 9786, 19));if(!t.existsSync(e))throw new Error(`Extension bundle not found: ${e}`);let a=r.createGunzip(),i=[];return await n(t.createReadStream(e),a,new _({write(l,o,s){i.push(l),s()}})),new Blob(i)}else{let t=await fetch(e.toString());if(!t.ok||!t.body)return null;if(t.headers.get("Content-Encoding")==="gzip")return t.blob();{let r=new DecompressionStream("gzip");return new Response(t.body.pipeThrough(r)).blob()}}}async function Le(e,t){let r=new Array;for(let _ in e.pg_extensions){let n;try{n=await e.pg_extensions[_]}catch(a){console.error("Failed to fetch extension:",_,a);continue}if(n){let a=new Uint8Array(await n.arrayBuffer());r.push(...nt(e,_,a,t))}else console.error("Could not get binary data for extension:",_)}return Promise.all(r)}function nt(e,t,r,_){let n=[];return Ne.default.untar(r).sort((i,l)=>i.name>l.name?1:i.name<l.name?-1:0).forEach(i=>{if(i.name.endsWith("/")){let l=`${e.WASM_PREFIX}/${i.name}`;e.FS.analyzePath(l).exists===!1&&e.FS.mkdirTree(l)}else if(!i.name.startsWith(".")){let l=e.WASM_PREFIX+"/"+i.name;if(i.name.endsWith(".so")){_(`pgfs:ext preloading ${l}`);let o=i.name.split("/").pop(),s=at(l),c=new Promise((p,d)=>{let u=(...m)=>{_("pgfs:ext OK",l,m),p()},f=(...m)=>{_("pgfs:ext FAIL",l,m),se(e.FS,l,i.data),p()};e.FS.createPreloadedFile(s,o,i.data,!0,!0,u,f,!1)});n.push(c)}else se(e.FS,l,i.data)}}),n}function se(e,t,r,_){try{let n=t.substring(0,t.lastIndexOf("/"));e.analyzePath(n).exists===!1&&e.mkdirTree(n),e.writeFile(t,r),_&&e.chmod(t,_)}catch(n){throw console.error(`Error writing file ${t}`,n),n}}function at(e){let t=e.lastIndexOf("/");return t>0?e.slice(0,t):e}(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.j)();function Be(e){let t;if(e?.startsWith("file://")){if(e=e.slice(7),!e)throw new Error("Invalid dataDir, must be a valid path");t="nodefs"}else e?.startsWith("idb://")?(e=e.slice(6),t="idbfs"):e?.startsWith("opfs-ahp://")?(e=e.slice(11),t="opfs-ahp"):e?.startsWith("memfs2opfs://")?(e=e.slice(13),t="memfs2opfs"):!e||e?.startsWith("memory://")?t="memoryfs":t="nodefs";return{dataDir:e,fsType:t}}async function Ge(e,t){let r;if(e&&t==="nodefs"){let{NodeFS:_}=await __webpack_require__.e(/* import() */ 773).then(__webpack_require__.bind(__webpack_require__, 5773));r=new _(e)}else if(e&&t==="idbfs")r=new ye(e);else if(e&&t==="opfs-ahp"){let{OpfsAhpFS:_}=await __webpack_require__.e(/* import() */ 148).then(__webpack_require__.bind(__webpack_require__, 5148));r=new _(e)}else if(e&&t==="memfs2opfs"){let{Memfs2OpfsFS:_}=await __webpack_require__.e(/* import() */ 557).then(__webpack_require__.bind(__webpack_require__, 3557));r=new _(e)}else r=new ee;return r}(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.j)();(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.j)();async function it(moduleArg={}){var Module=moduleArg,ENVIRONMENT_IS_WEB=!!globalThis.window,ENVIRONMENT_IS_WORKER=!!globalThis.WorkerGlobalScope,ENVIRONMENT_IS_NODE=globalThis.process?.versions?.node&&globalThis.process?.type!="renderer";if(ENVIRONMENT_IS_NODE){let{createRequire:e}=await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1376, 19));var require=e(import.meta.url)}Module.expectedDataFileDownloads||(Module.expectedDataFileDownloads=0),Module.expectedDataFileDownloads++,(()=>{var e=typeof ENVIRONMENT_IS_PTHREAD<"u"&&ENVIRONMENT_IS_PTHREAD,t=typeof ENVIRONMENT_IS_WASM_WORKER<"u"&&ENVIRONMENT_IS_WASM_WORKER;if(!(e||t)){var r=globalThis.process&&globalThis.process.versions&&globalThis.process.versions.node&&globalThis.process.type!="renderer";(async function(_){typeof window=="object"?window.encodeURIComponent(window.location.pathname.substring(0,window.location.pathname.lastIndexOf("/"))+"/"):typeof process>"u"&&typeof location<"u"&&encodeURIComponent(location.pathname.substring(0,location.pathname.lastIndexOf("/"))+"/");var n=Module.locateFile?Module.locateFile("pglite.data",""):"pglite.data",a=_.remote_package_size,i,l=Module.getPreloadedPackage&&Module.getPreloadedPackage(n,a);l||(i=(async function(s,c){if(r){var p=require("fs").readFileSync(s);return new Uint8Array(p).buffer}Module.dataFileDownloads||(Module.dataFileDownloads={});try{var d=await fetch(s)}catch(v){throw new Error(`Network Error: ${s}`,{e:v})}if(!d.ok)throw new Error(`${d.status}: ${d.url}`);let u=[],f=d.headers,m=Number(f.get("Content-Length")||c),y=0;Module.setStatus&&Module.setStatus("Downloading data...");let b=d.body.getReader();for(;;){var{done:k,value:P}=await b.read();if(k)break;u.push(P),y+=P.length,Module.dataFileDownloads[s]={loaded:y,total:m};let v=0,H=0;for(let Ae of Object.values(Module.dataFileDownloads))v+=Ae.loaded,H+=Ae.total;Module.setStatus&&Module.setStatus(`Downloading data... (${v}/${H})`)}let M=new Uint8Array(u.map(v=>v.length).reduce((v,H)=>v+H,0)),C=0;for(let v of u)M.set(v,C),C+=v.length;return M.buffer})(n,a));async function o(s){function c(p,d){if(!p)throw new Error(d)}s.FS_createPath("/","home",!0,!0),s.FS_createPath("/home","postgres",!0,!0),s.FS_createPath("/","pglite",!0,!0),s.FS_createPath("/pglite","bin",!0,!0),s.FS_createPath("/pglite","icu",!0,!0),s.FS_createPath("/pglite/icu","icudt76l",!0,!0),s.FS_createPath("/pglite/icu/icudt76l","coll",!0,!0),s.FS_createPath("/pglite","lib",!0,!0),s.FS_createPath("/pglite/lib","postgresql",!0,!0),s.FS_createPath("/pglite/lib/postgresql","pgxs",!0,!0),s.FS_createPath("/pglite/lib/postgresql/pgxs","config",!0,!0),s.FS_createPath("/pglite/lib/postgresql/pgxs","src",!0,!0),s.FS_createPath("/pglite/lib/postgresql/pgxs/src","makefiles",!0,!0),s.FS_createPath("/pglite/lib/postgresql/pgxs/src","test",!0,!0),s.FS_createPath("/pglite/lib/postgresql/pgxs/src/test","isolation",!0,!0),s.FS_createPath("/pglite/lib/postgresql/pgxs/src/test","regress",!0,!0),s.FS_createPath("/pglite","share",!0,!0),s.FS_createPath("/pglite/share","postgresql",!0,!0),s.FS_createPath("/pglite/share/postgresql","extension",!0,!0),s.FS_createPath("/pglite/share/postgresql","timezone",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Africa",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","America",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone/America","Argentina",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone/America","Indiana",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone/America","Kentucky",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone/America","North_Dakota",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Antarctica",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Arctic",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Asia",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Atlantic",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Australia",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Brazil",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Canada",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Chile",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Etc",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Europe",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Indian",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Mexico",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","Pacific",!0,!0),s.FS_createPath("/pglite/share/postgresql/timezone","US",!0,!0),s.FS_createPath("/pglite/share/postgresql","timezonesets",!0,!0),s.FS_createPath("/pglite/share/postgresql","tsearch_data",!0,!0),s.addRunDependency("datafile_pglite.data"),s.preloadResults||(s.preloadResults={}),s.preloadResults["pglite.data"]={fromCache:!1},l||(l=await i),await(async function(p){c(p,"Loading data file failed."),c(p.constructor.name===ArrayBuffer.name,"bad input to processPackageData "+p.constructor.name);var d=new Uint8Array(p);for(var u of _.files){var f=u.filename,m=d.subarray(u.start,u.end);s.FS_createDataFile(f,null,m,!0,!0,!0)}s.removeRunDependency("datafile_pglite.data")})(l)}Module.FS_createPath?o(Module):(Module.preRun||(Module.preRun=[]),Module.preRun.push(o))})({files:[{filename:"/home/postgres/.pgpass",start:0,end:204},{filename:"/pglite/bin/initdb",start:204,end:223},{filename:"/pglite/bin/pg_dump",start:223,end:242},{filename:"/pglite/bin/postgres",start:242,end:261},{filename:"/pglite/icu/LICENSE",start:261,end:26748},{filename:"/pglite/icu/icudt76l/coll/root.res",start:26748,end:365756},{filename:"/pglite/icu/icudt76l/coll/ucadata.icu",start:365756,end:943260},{filename:"/pglite/lib/postgresql/cyrillic_and_mic.so",start:943260,end:947850},{filename:"/pglite/lib/postgresql/dict_snowball.so",start:947850,end:1530311},{filename:"/pglite/lib/postgresql/euc2004_sjis2004.so",start:1530311,end:1532439},{filename:"/pglite/lib/postgresql/euc_cn_and_mic.so",start:1532439,end:1533462},{filename:"/pglite/lib/postgresql/euc_jp_and_sjis.so",start:1533462,end:1540934},{filename:"/pglite/lib/postgresql/euc_kr_and_mic.so",start:1540934,end:1541977},{filename:"/pglite/lib/postgresql/euc_tw_and_big5.so",start:1541977,end:1546629},{filename:"/pglite/lib/postgresql/latin2_and_win1250.so",start:1546629,end:1548128},{filename:"/pglite/lib/postgresql/latin_and_mic.so",start:1548128,end:1549237},{filename:"/pglite/lib/postgresql/libpqwalreceiver.so",start:1549237,end:1687240},{filename:"/pglite/lib/postgresql/pgoutput.so",start:1687240,end:1701296},{filename:"/pglite/lib/postgresql/pgxs/config/install-sh",start:1701296,end:1715293},{filename:"/pglite/lib/postgresql/pgxs/config/missing",start:1715293,end:1716641},{filename:"/pglite/lib/postgresql/pgxs/src/Makefile.global",start:1716641,end:1754746},{filename:"/pglite/lib/postgresql/pgxs/src/Makefile.port",start:1754746,end:1755938},{filename:"/pglite/lib/postgresql/pgxs/src/Makefile.shlib",start:1755938,end:1770766},{filename:"/pglite/lib/postgresql/pgxs/src/makefiles/pgxs.mk",start:1770766,end:1786913},{filename:"/pglite/lib/postgresql/pgxs/src/nls-global.mk",start:1786913,end:1793977},{filename:"/pglite/lib/postgresql/pgxs/src/test/isolation/isolationtester.js",start:1793977,end:1892521},{filename:"/pglite/lib/postgresql/pgxs/src/test/isolation/pg_isolation_regress.js",start:1892521,end:1994850},{filename:"/pglite/lib/postgresql/pgxs/src/test/regress/pg_regress.js",start:1994850,end:2096602},{filename:"/pglite/lib/postgresql/plpgsql.so",start:2096602,end:2252354},{filename:"/pglite/lib/postgresql/utf8_and_big5.so",start:2252354,end:2367178},{filename:"/pglite/lib/postgresql/utf8_and_cyrillic.so",start:2367178,end:2373223},{filename:"/pglite/lib/postgresql/utf8_and_euc2004.so",start:2373223,end:2578231},{filename:"/pglite/lib/postgresql/utf8_and_euc_cn.so",start:2578231,end:2653487},{filename:"/pglite/lib/postgresql/utf8_and_euc_jp.so",start:2653487,end:2804791},{filename:"/pglite/lib/postgresql/utf8_and_euc_kr.so",start:2804791,end:2907723},{filename:"/pglite/lib/postgresql/utf8_and_euc_tw.so",start:2907723,end:3107355},{filename:"/pglite/lib/postgresql/utf8_and_gb18030.so",start:3107355,end:3369748},{filename:"/pglite/lib/postgresql/utf8_and_gbk.so",start:3369748,end:3516356},{filename:"/pglite/lib/postgresql/utf8_and_iso8859.so",start:3516356,end:3539832},{filename:"/pglite/lib/postgresql/utf8_and_iso8859_1.so",start:3539832,end:3540899},{filename:"/pglite/lib/postgresql/utf8_and_johab.so",start:3540899,end:3702679},{filename:"/pglite/lib/postgresql/utf8_and_sjis.so",start:3702679,end:3784415},{filename:"/pglite/lib/postgresql/utf8_and_sjis2004.so",start:3784415,end:3911123},{filename:"/pglite/lib/postgresql/utf8_and_uhc.so",start:3911123,end:4078471},{filename:"/pglite/lib/postgresql/utf8_and_win.so",start:4078471,end:4104908},{filename:"/pglite/locale-a",start:4104908,end:4104933},{filename:"/pglite/password",start:4104933,end:4104941},{filename:"/pglite/pgstdin",start:4104941,end:4104960},{filename:"/pglite/pgstdout",start:4104960,end:4104979},{filename:"/pglite/share/postgresql/errcodes.txt",start:4104979,end:4138718},{filename:"/pglite/share/postgresql/extension/plpgsql--1.0.sql",start:4138718,end:4139376},{filename:"/pglite/share/postgresql/extension/plpgsql.control",start:4139376,end:4139569},{filename:"/pglite/share/postgresql/information_schema.sql",start:4139569,end:4253566},{filename:"/pglite/share/postgresql/pg_hba.conf.sample",start:4253566,end:4259201},{filename:"/pglite/share/postgresql/pg_ident.conf.sample",start:4259201,end:4261882},{filename:"/pglite/share/postgresql/pg_service.conf.sample",start:4261882,end:4262486},{filename:"/pglite/share/postgresql/postgres.bki",start:4262486,end:5236255},{filename:"/pglite/share/postgresql/postgresql.conf.sample",start:5236255,end:5268907},{filename:"/pglite/share/postgresql/psqlrc.sample",start:5268907,end:5269185},{filename:"/pglite/share/postgresql/snowball_create.sql",start:5269185,end:5314895},{filename:"/pglite/share/postgresql/sql_features.txt",start:5314895,end:5350656},{filename:"/pglite/share/postgresql/system_constraints.sql",start:5350656,end:5359551},{filename:"/pglite/share/postgresql/system_functions.sql",start:5359551,end:5384430},{filename:"/pglite/share/postgresql/system_views.sql",start:5384430,end:5437794},{filename:"/pglite/share/postgresql/timezone/Africa/Abidjan",start:5437794,end:5437942},{filename:"/pglite/share/postgresql/timezone/Africa/Accra",start:5437942,end:5438090},{filename:"/pglite/share/postgresql/timezone/Africa/Addis_Ababa",start:5438090,end:5438355},{filename:"/pglite/share/postgresql/timezone/Africa/Algiers",start:5438355,end:5439090},{filename:"/pglite/share/postgresql/timezone/Africa/Asmara",start:5439090,end:5439355},{filename:"/pglite/share/postgresql/timezone/Africa/Asmera",start:5439355,end:5439620},{filename:"/pglite/share/postgresql/timezone/Africa/Bamako",start:5439620,end:5439768},{filename:"/pglite/share/postgresql/timezone/Africa/Bangui",start:5439768,end:5440003},{filename:"/pglite/share/postgresql/timezone/Africa/Banjul",start:5440003,end:5440151},{filename:"/pglite/share/postgresql/timezone/Africa/Bissau",start:5440151,end:5440345},{filename:"/pglite/share/postgresql/timezone/Africa/Blantyre",start:5440345,end:5440494},{filename:"/pglite/share/postgresql/timezone/Africa/Brazzaville",start:5440494,end:5440729},{filename:"/pglite/share/postgresql/timezone/Africa/Bujumbura",start:5440729,end:5440878},{filename:"/pglite/share/postgresql/timezone/Africa/Cairo",start:5440878,end:5443277},{filename:"/pglite/share/postgresql/timezone/Africa/Casablanca",start:5443277,end:5444491},{filename:"/pglite/share/postgresql/timezone/Africa/Ceuta",start:5444491,end:5446543},{filename:"/pglite/share/postgresql/timezone/Africa/Conakry",start:5446543,end:5446691},{filename:"/pglite/share/postgresql/timezone/Africa/Dakar",start:5446691,end:5446839},{filename:"/pglite/share/postgresql/timezone/Africa/Dar_es_Salaam",start:5446839,end:5447104},{filename:"/pglite/share/postgresql/timezone/Africa/Djibouti",start:5447104,end:5447369},{filename:"/pglite/share/postgresql/timezone/Africa/Douala",start:5447369,end:5447604},{filename:"/pglite/share/postgresql/timezone/Africa/El_Aaiun",start:5447604,end:5448684},{filename:"/pglite/share/postgresql/timezone/Africa/Freetown",start:5448684,end:5448832},{filename:"/pglite/share/postgresql/timezone/Africa/Gaborone",start:5448832,end:5448981},{filename:"/pglite/share/postgresql/timezone/Africa/Harare",start:5448981,end:5449130},{filename:"/pglite/share/postgresql/timezone/Africa/Johannesburg",start:5449130,end:5449376},{filename:"/pglite/share/postgresql/timezone/Africa/Juba",start:5449376,end:5450055},{filename:"/pglite/share/postgresql/timezone/Africa/Kampala",start:5450055,end:5450320},{filename:"/pglite/share/postgresql/timezone/Africa/Khartoum",start:5450320,end:5450999},{filename:"/pglite/share/postgresql/timezone/Africa/Kigali",start:5450999,end:5451148},{filename:"/pglite/share/postgresql/timezone/Africa/Kinshasa",start:5451148,end:5451383},{filename:"/pglite/share/postgresql/timezone/Africa/Lagos",start:5451383,end:5451618},{filename:"/pglite/share/postgresql/timezone/Africa/Libreville",start:5451618,end:5451853},{filename:"/pglite/share/postgresql/timezone/Africa/Lome",start:5451853,end:5452001},{filename:"/pglite/share/postgresql/timezone/Africa/Luanda",start:5452001,end:5452236},{filename:"/pglite/share/postgresql/timezone/Africa/Lubumbashi",start:5452236,end:5452385},{filename:"/pglite/share/postgresql/timezone/Africa/Lusaka",start:5452385,end:5452534},{filename:"/pglite/share/postgresql/timezone/Africa/Malabo",start:5452534,end:5452769},{filename:"/pglite/share/postgresql/timezone/Africa/Maputo",start:5452769,end:5452918},{filename:"/pglite/share/postgresql/timezone/Africa/Maseru",start:5452918,end:5453164},{filename:"/pglite/share/postgresql/timezone/Africa/Mbabane",start:5453164,end:5453410},{filename:"/pglite/share/postgresql/timezone/Africa/Mogadishu",start:5453410,end:5453675},{filename:"/pglite/share/postgresql/timezone/Africa/Monrovia",start:5453675,end:5453883},{filename:"/pglite/share/postgresql/timezone/Africa/Nairobi",start:5453883,end:5454148},{filename:"/pglite/share/postgresql/timezone/Africa/Ndjamena",start:5454148,end:5454347},{filename:"/pglite/share/postgresql/timezone/Africa/Niamey",start:5454347,end:5454582},{filename:"/pglite/share/postgresql/timezone/Africa/Nouakchott",start:5454582,end:5454730},{filename:"/pglite/share/postgresql/timezone/Africa/Ouagadougou",start:5454730,end:5454878},{filename:"/pglite/share/postgresql/timezone/Africa/Porto-Novo",start:5454878,end:5455113},{filename:"/pglite/share/postgresql/timezone/Africa/Sao_Tome",start:5455113,end:5455367},{filename:"/pglite/share/postgresql/timezone/Africa/Timbuktu",start:5455367,end:5455515},{filename:"/pglite/share/postgresql/timezone/Africa/Tripoli",start:5455515,end:5456140},{filename:"/pglite/share/postgresql/timezone/Africa/Tunis",start:5456140,end:5456829},{filename:"/pglite/share/postgresql/timezone/Africa/Windhoek",start:5456829,end:5457784},{filename:"/pglite/share/postgresql/timezone/America/Adak",start:5457784,end:5460140},{filename:"/pglite/share/postgresql/timezone/America/Anchorage",start:5460140,end:5462511},{filename:"/pglite/share/postgresql/timezone/America/Anguilla",start:5462511,end:5462757},{filename:"/pglite/share/postgresql/timezone/America/Antigua",start:5462757,end:5463003},{filename:"/pglite/share/postgresql/timezone/America/Araguaina",start:5463003,end:5463887},{filename:"/pglite/share/postgresql/timezone/America/Argentina/Buenos_Aires",start:5463887,end:5464963},{filename:"/pglite/share/postgresql/timezone/America/Argentina/Catamarca",start:5464963,end:5466039},{filename:"/pglite/share/postgresql/timezone/America/Argentina/ComodRivadavia",start:5466039,end:5467115},{filename:"/pglite/share/postgresql/timezone/America/Argentina/Cordoba",start:5467115,end:5468191},{filename:"/pglite/share/postgresql/timezone/America/Argentina/Jujuy",start:5468191,end:5469239},{filename:"/pglite/share/postgresql/timezone/America/Argentina/La_Rioja",start:5469239,end:5470329},{filename:"/pglite/share/postgresql/timezone/America/Argentina/Mendoza",start:5470329,end:5471405},{filename:"/pglite/share/postgresql/timezone/America/Argentina/Rio_Gallegos",start:5471405,end:5472481},{filename:"/pglite/share/postgresql/timezone/America/Argentina/Salta",start:5472481,end:5473529},{filename:"/pglite/share/postgresql/timezone/America/Argentina/San_Juan",start:5473529,end:5474619},{filename:"/pglite/share/postgresql/timezone/America/Argentina/San_Luis",start:5474619,end:5475721},{filename:"/pglite/share/postgresql/timezone/America/Argentina/Tucuman",start:5475721,end:5476825},{filename:"/pglite/share/postgresql/timezone/America/Argentina/Ushuaia",start:5476825,end:5477901},{filename:"/pglite/share/postgresql/timezone/America/Aruba",start:5477901,end:5478147},{filename:"/pglite/share/postgresql/timezone/America/Asuncion",start:5478147,end:5479805},{filename:"/pglite/share/postgresql/timezone/America/Atikokan",start:5479805,end:5479987},{filename:"/pglite/share/postgresql/timezone/America/Atka",start:5479987,end:5482343},{filename:"/pglite/share/postgresql/timezone/America/Bahia",start:5482343,end:5483367},{filename:"/pglite/share/postgresql/timezone/America/Bahia_Banderas",start:5483367,end:5484467},{filename:"/pglite/share/postgresql/timezone/America/Barbados",start:5484467,end:5484903},{filename:"/pglite/share/postgresql/timezone/America/Belem",start:5484903,end:5485479},{filename:"/pglite/share/postgresql/timezone/America/Belize",start:5485479,end:5487093},{filename:"/pglite/share/postgresql/timezone/America/Blanc-Sablon",start:5487093,end:5487339},{filename:"/pglite/share/postgresql/timezone/America/Boa_Vista",start:5487339,end:5487971},{filename:"/pglite/share/postgresql/timezone/America/Bogota",start:5487971,end:5488217},{filename:"/pglite/share/postgresql/timezone/America/Boise",start:5488217,end:5490627},{filename:"/pglite/share/postgresql/timezone/America/Buenos_Aires",start:5490627,end:5491703},{filename:"/pglite/share/postgresql/timezone/America/Cambridge_Bay",start:5491703,end:5493957},{filename:"/pglite/share/postgresql/timezone/America/Campo_Grande",start:5493957,end:5495401},{filename:"/pglite/share/postgresql/timezone/America/Cancun",start:5495401,end:5496265},{filename:"/pglite/share/postgresql/timezone/America/Caracas",start:5496265,end:5496529},{filename:"/pglite/share/postgresql/timezone/America/Catamarca",start:5496529,end:5497605},{filename:"/pglite/share/postgresql/timezone/America/Cayenne",start:5497605,end:5497803},{filename:"/pglite/share/postgresql/timezone/America/Cayman",start:5497803,end:5497985},{filename:"/pglite/share/postgresql/timezone/America/Chicago",start:5497985,end:5501577},{filename:"/pglite/share/postgresql/timezone/America/Chihuahua",start:5501577,end:5502679},{filename:"/pglite/share/postgresql/timezone/America/Ciudad_Juarez",start:5502679,end:5504217},{filename:"/pglite/share/postgresql/timezone/America/Coral_Harbour",start:5504217,end:5504399},{filename:"/pglite/share/postgresql/timezone/America/Cordoba",start:5504399,end:5505475},{filename:"/pglite/share/postgresql/timezone/America/Costa_Rica",start:5505475,end:5505791},{filename:"/pglite/share/postgresql/timezone/America/Coyhaique",start:5505791,end:5507931},{filename:"/pglite/share/postgresql/timezone/America/Creston",start:5507931,end:5508291},{filename:"/pglite/share/postgresql/timezone/America/Cuiaba",start:5508291,end:5509707},{filename:"/pglite/share/postgresql/timezone/America/Curacao",start:5509707,end:5509953},{filename:"/pglite/share/postgresql/timezone/America/Danmarkshavn",start:5509953,end:5510651},{filename:"/pglite/share/postgresql/timezone/America/Dawson",start:5510651,end:5512265},{filename:"/pglite/share/postgresql/timezone/America/Dawson_Creek",start:5512265,end:5513315},{filename:"/pglite/share/postgresql/timezone/America/Denver",start:5513315,end:5515775},{filename:"/pglite/share/postgresql/timezone/America/Detroit",start:5515775,end:5518005},{filename:"/pglite/share/postgresql/timezone/America/Dominica",start:5518005,end:5518251},{filename:"/pglite/share/postgresql/timezone/America/Edmonton",start:5518251,end:5520281},{filename:"/pglite/share/postgresql/timezone/America/Eirunepe",start:5520281,end:5520937},{filename:"/pglite/share/postgresql/timezone/America/El_Salvador",start:5520937,end:5521161},{filename:"/pglite/share/postgresql/timezone/America/Ensenada",start:5521161,end:5524067},{filename:"/pglite/share/postgresql/timezone/America/Fort_Nelson",start:5524067,end:5526307},{filename:"/pglite/share/postgresql/timezone/America/Fort_Wayne",start:5526307,end:5527989},{filename:"/pglite/share/postgresql/timezone/America/Fortaleza",start:5527989,end:5528705},{filename:"/pglite/share/postgresql/timezone/America/Glace_Bay",start:5528705,end:5530897},{filename:"/pglite/share/postgresql/timezone/America/Godthab",start:5530897,end:5532800},{filename:"/pglite/share/postgresql/timezone/America/Goose_Bay",start:5532800,end:5536010},{filename:"/pglite/share/postgresql/timezone/America/Grand_Turk",start:5536010,end:5537844},{filename:"/pglite/share/postgresql/timezone/America/Grenada",start:5537844,end:5538090},{filename:"/pglite/share/postgresql/timezone/America/Guadeloupe",start:5538090,end:5538336},{filename:"/pglite/share/postgresql/timezone/America/Guatemala",start:5538336,end:5538616},{filename:"/pglite/share/postgresql/timezone/America/Guayaquil",start:5538616,end:5538862},{filename:"/pglite/share/postgresql/timezone/America/Guyana",start:5538862,end:5539124},{filename:"/pglite/share/postgresql/timezone/America/Halifax",start:5539124,end:5542548},{filename:"/pglite/share/postgresql/timezone/America/Havana",start:5542548,end:5544964},{filename:"/pglite/share/postgresql/timezone/America/Hermosillo",start:5544964,end:5545352},{filename:"/pglite/share/postgresql/timezone/America/Indiana/Indianapolis",start:5545352,end:5547034},{filename:"/pglite/share/postgresql/timezone/America/Indiana/Knox",start:5547034,end:5549478},{filename:"/pglite/share/postgresql/timezone/America/Indiana/Marengo",start:5549478,end:5551216},{filename:"/pglite/share/postgresql/timezone/America/Indiana/Petersburg",start:5551216,end:5553136},{filename:"/pglite/share/postgresql/timezone/America/Indiana/Tell_City",start:5553136,end:5554836},{filename:"/pglite/share/postgresql/timezone/America/Indiana/Vevay",start:5554836,end:5556266},{filename:"/pglite/share/postgresql/timezone/America/Indiana/Vincennes",start:5556266,end:5557976},{filename:"/pglite/share/postgresql/timezone/America/Indiana/Winamac",start:5557976,end:5559770},{filename:"/pglite/share/postgresql/timezone/America/Indianapolis",start:5559770,end:5561452},{filename:"/pglite/share/postgresql/timezone/America/Inuvik",start:5561452,end:5563526},{filename:"/pglite/share/postgresql/timezone/America/Iqaluit",start:5563526,end:5565728},{filename:"/pglite/share/postgresql/timezone/America/Jamaica",start:5565728,end:5566210},{filename:"/pglite/share/postgresql/timezone/America/Jujuy",start:5566210,end:5567258},{filename:"/pglite/share/postgresql/timezone/America/Juneau",start:5567258,end:5569611},{filename:"/pglite/share/postgresql/timezone/America/Kentucky/Louisville",start:5569611,end:5572399},{filename:"/pglite/share/postgresql/timezone/America/Kentucky/Monticello",start:5572399,end:5574767},{filename:"/pglite/share/postgresql/timezone/America/Knox_IN",start:5574767,end:5577211},{filename:"/pglite/share/postgresql/timezone/America/Kralendijk",start:5577211,end:5577457},{filename:"/pglite/share/postgresql/timezone/America/La_Paz",start:5577457,end:5577689},{filename:"/pglite/share/postgresql/timezone/America/Lima",start:5577689,end:5578095},{filename:"/pglite/share/postgresql/timezone/America/Los_Angeles",start:5578095,end:5580947},{filename:"/pglite/share/postgresql/timezone/America/Louisville",start:5580947,end:5583735},{filename:"/pglite/share/postgresql/timezone/America/Lower_Princes",start:5583735,end:5583981},{filename:"/pglite/share/postgresql/timezone/America/Maceio",start:5583981,end:5584725},{filename:"/pglite/share/postgresql/timezone/America/Managua",start:5584725,end:5585155},{filename:"/pglite/share/postgresql/timezone/America/Manaus",start:5585155,end:5585759},{filename:"/pglite/share/postgresql/timezone/America/Marigot",start:5585759,end:5586005},{filename:"/pglite/share/postgresql/timezone/America/Martinique",start:5586005,end:5586237},{filename:"/pglite/share/postgresql/timezone/America/Matamoros",start:5586237,end:5587655},{filename:"/pglite/share/postgresql/timezone/America/Mazatlan",start:5587655,end:5588715},{filename:"/pglite/share/postgresql/timezone/America/Mendoza",start:5588715,end:5589791},{filename:"/pglite/share/postgresql/timezone/America/Menominee",start:5589791,end:5592065},{filename:"/pglite/share/postgresql/timezone/America/Merida",start:5592065,end:5593069},{filename:"/pglite/share/postgresql/timezone/America/Metlakatla",start:5593069,end:5594492},{filename:"/pglite/share/postgresql/timezone/America/Mexico_City",start:5594492,end:5595714},{filename:"/pglite/share/postgresql/timezone/America/Miquelon",start:5595714,end:5597380},{filename:"/pglite/share/postgresql/timezone/America/Moncton",start:5597380,end:5600534},{filename:"/pglite/share/postgresql/timezone/America/Monterrey",start:5600534,end:5601648},{filename:"/pglite/share/postgresql/timezone/America/Montevideo",start:5601648,end:5603158},{filename:"/pglite/share/postgresql/timezone/America/Montreal",start:5603158,end:5606652},{filename:"/pglite/share/postgresql/timezone/America/Montserrat",start:5606652,end:5606898},{filename:"/pglite/share/postgresql/timezone/America/Nassau",start:5606898,end:5610392},{filename:"/pglite/share/postgresql/timezone/America/New_York",start:5610392,end:5613944},{filename:"/pglite/share/postgresql/timezone/America/Nipigon",start:5613944,end:5617438},{filename:"/pglite/share/postgresql/timezone/America/Nome",start:5617438,end:5619805},{filename:"/pglite/share/postgresql/timezone/America/Noronha",start:5619805,end:5620521},{filename:"/pglite/share/postgresql/timezone/America/North_Dakota/Beulah",start:5620521,end:5622917},{filename:"/pglite/share/postgresql/timezone/America/North_Dakota/Center",start:5622917,end:5625313},{filename:"/pglite/share/postgresql/timezone/America/North_Dakota/New_Salem",start:5625313,end:5627709},{filename:"/pglite/share/postgresql/timezone/America/Nuuk",start:5627709,end:5629612},{filename:"/pglite/share/postgresql/timezone/America/Ojinaga",start:5629612,end:5631136},{filename:"/pglite/share/postgresql/timezone/America/Panama",start:5631136,end:5631318},{filename:"/pglite/share/postgresql/timezone/America/Pangnirtung",start:5631318,end:5633520},{filename:"/pglite/share/postgresql/timezone/America/Paramaribo",start:5633520,end:5633782},{filename:"/pglite/share/postgresql/timezone/America/Phoenix",start:5633782,end:5634142},{filename:"/pglite/share/postgresql/timezone/America/Port-au-Prince",start:5634142,end:5635576},{filename:"/pglite/share/postgresql/timezone/America/Port_of_Spain",start:5635576,end:5635822},{filename:"/pglite/share/postgresql/timezone/America/Porto_Acre",start:5635822,end:5636450},{filename:"/pglite/share/postgresql/timezone/America/Porto_Velho",start:5636450,end:5637026},{filename:"/pglite/share/postgresql/timezone/America/Puerto_Rico",start:5637026,end:5637272},{filename:"/pglite/share/postgresql/timezone/America/Punta_Arenas",start:5637272,end:5639188},{filename:"/pglite/share/postgresql/timezone/America/Rainy_River",start:5639188,end:5642056},{filename:"/pglite/share/postgresql/timezone/America/Rankin_Inlet",start:5642056,end:5644122},{filename:"/pglite/share/postgresql/timezone/America/Recife",start:5644122,end:5644838},{filename:"/pglite/share/postgresql/timezone/America/Regina",start:5644838,end:5645818},{filename:"/pglite/share/postgresql/timezone/America/Resolute",start:5645818,end:5647884},{filename:"/pglite/share/postgresql/timezone/America/Rio_Branco",start:5647884,end:5648512},{filename:"/pglite/share/postgresql/timezone/America/Rosario",start:5648512,end:5649588},{filename:"/pglite/share/postgresql/timezone/America/Santa_Isabel",start:5649588,end:5652494},{filename:"/pglite/share/postgresql/timezone/America/Santarem",start:5652494,end:5653096},{filename:"/pglite/share/postgresql/timezone/America/Santiago",start:5653096,end:5655625},{filename:"/pglite/share/postgresql/timezone/America/Santo_Domingo",start:5655625,end:5656083},{filename:"/pglite/share/postgresql/timezone/America/Sao_Paulo",start:5656083,end:5657527},{filename:"/pglite/share/postgresql/timezone/America/Scoresbysund",start:5657527,end:5659476},{filename:"/pglite/share/postgresql/timezone/America/Shiprock",start:5659476,end:5661936},{filename:"/pglite/share/postgresql/timezone/America/Sitka",start:5661936,end:5664265},{filename:"/pglite/share/postgresql/timezone/America/St_Barthelemy",start:5664265,end:5664511},{filename:"/pglite/share/postgresql/timezone/America/St_Johns",start:5664511,end:5668166},{filename:"/pglite/share/postgresql/timezone/America/St_Kitts",start:5668166,end:5668412},{filename:"/pglite/share/postgresql/timezone/America/St_Lucia",start:5668412,end:5668658},{filename:"/pglite/share/postgresql/timezone/America/St_Thomas",start:5668658,end:5668904},{filename:"/pglite/share/postgresql/timezone/America/St_Vincent",start:5668904,end:5669150},{filename:"/pglite/share/postgresql/timezone/America/Swift_Current",start:5669150,end:5669710},{filename:"/pglite/share/postgresql/timezone/America/Tegucigalpa",start:5669710,end:5669962},{filename:"/pglite/share/postgresql/timezone/America/Thule",start:5669962,end:5671464},{filename:"/pglite/share/postgresql/timezone/America/Thunder_Bay",start:5671464,end:5674958},{filename:"/pglite/share/postgresql/timezone/America/Tijuana",start:5674958,end:5677864},{filename:"/pglite/share/postgresql/timezone/America/Toronto",start:5677864,end:5681358},{filename:"/pglite/share/postgresql/timezone/America/Tortola",start:5681358,end:5681604},{filename:"/pglite/share/postgresql/timezone/America/Vancouver",start:5681604,end:5684194},{filename:"/pglite/share/postgresql/timezone/America/Virgin",start:5684194,end:5684440},{filename:"/pglite/share/postgresql/timezone/America/Whitehorse",start:5684440,end:5686054},{filename:"/pglite/share/postgresql/timezone/America/Winnipeg",start:5686054,end:5688922},{filename:"/pglite/share/postgresql/timezone/America/Yakutat",start:5688922,end:5691227},{filename:"/pglite/share/postgresql/timezone/America/Yellowknife",start:5691227,end:5693257},{filename:"/pglite/share/postgresql/timezone/Antarctica/Casey",start:5693257,end:5693694},{filename:"/pglite/share/postgresql/timezone/Antarctica/Davis",start:5693694,end:5693991},{filename:"/pglite/share/postgresql/timezone/Antarctica/DumontDUrville",start:5693991,end:5694177},{filename:"/pglite/share/postgresql/timezone/Antarctica/Macquarie",start:5694177,end:5696437},{filename:"/pglite/share/postgresql/timezone/Antarctica/Mawson",start:5696437,end:5696636},{filename:"/pglite/share/postgresql/timezone/Antarctica/McMurdo",start:5696636,end:5699073},{filename:"/pglite/share/postgresql/timezone/Antarctica/Palmer",start:5699073,end:5700491},{filename:"/pglite/share/postgresql/timezone/Antarctica/Rothera",start:5700491,end:5700655},{filename:"/pglite/share/postgresql/timezone/Antarctica/South_Pole",start:5700655,end:5703092},{filename:"/pglite/share/postgresql/timezone/Antarctica/Syowa",start:5703092,end:5703257},{filename:"/pglite/share/postgresql/timezone/Antarctica/Troll",start:5703257,end:5704419},{filename:"/pglite/share/postgresql/timezone/Antarctica/Vostok",start:5704419,end:5704646},{filename:"/pglite/share/postgresql/timezone/Arctic/Longyearbyen",start:5704646,end:5706944},{filename:"/pglite/share/postgresql/timezone/Asia/Aden",start:5706944,end:5707109},{filename:"/pglite/share/postgresql/timezone/Asia/Almaty",start:5707109,end:5708106},{filename:"/pglite/share/postgresql/timezone/Asia/Amman",start:5708106,end:5709553},{filename:"/pglite/share/postgresql/timezone/Asia/Anadyr",start:5709553,end:5710741},{filename:"/pglite/share/postgresql/timezone/Asia/Aqtau",start:5710741,end:5711724},{filename:"/pglite/share/postgresql/timezone/Asia/Aqtobe",start:5711724,end:5712735},{filename:"/pglite/share/postgresql/timezone/Asia/Ashgabat",start:5712735,end:5713354},{filename:"/pglite/share/postgresql/timezone/Asia/Ashkhabad",start:5713354,end:5713973},{filename:"/pglite/share/postgresql/timezone/Asia/Atyrau",start:5713973,end:5714964},{filename:"/pglite/share/postgresql/timezone/Asia/Baghdad",start:5714964,end:5715947},{filename:"/pglite/share/postgresql/timezone/Asia/Bahrain",start:5715947,end:5716146},{filename:"/pglite/share/postgresql/timezone/Asia/Baku",start:5716146,end:5717373},{filename:"/pglite/share/postgresql/timezone/Asia/Bangkok",start:5717373,end:5717572},{filename:"/pglite/share/postgresql/timezone/Asia/Barnaul",start:5717572,end:5718793},{filename:"/pglite/share/postgresql/timezone/Asia/Beirut",start:5718793,end:5720947},{filename:"/pglite/share/postgresql/timezone/Asia/Bishkek",start:5720947,end:5721930},{filename:"/pglite/share/postgresql/timezone/Asia/Brunei",start:5721930,end:5722413},{filename:"/pglite/share/postgresql/timezone/Asia/Calcutta",start:5722413,end:5722698},{filename:"/pglite/share/postgresql/timezone/Asia/Chita",start:5722698,end:5723919},{filename:"/pglite/share/postgresql/timezone/Asia/Choibalsan",start:5723919,end:5724810},{filename:"/pglite/share/postgresql/timezone/Asia/Chongqing",start:5724810,end:5725371},{filename:"/pglite/share/postgresql/timezone/Asia/Chungking",start:5725371,end:5725932},{filename:"/pglite/share/postgresql/timezone/Asia/Colombo",start:5725932,end:5726304},{filename:"/pglite/share/postgresql/timezone/Asia/Dacca",start:5726304,end:5726641},{filename:"/pglite/share/postgresql/timezone/Asia/Damascus",start:5726641,end:5728528},{filename:"/pglite/share/postgresql/timezone/Asia/Dhaka",start:5728528,end:5728865},{filename:"/pglite/share/postgresql/timezone/Asia/Dili",start:5728865,end:5729136},{filename:"/pglite/share/postgresql/timezone/Asia/Dubai",start:5729136,end:5729301},{filename:"/pglite/share/postgresql/timezone/Asia/Dushanbe",start:5729301,end:5729892},{filename:"/pglite/share/postgresql/timezone/Asia/Famagusta",start:5729892,end:5731920},{filename:"/pglite/share/postgresql/timezone/Asia/Gaza",start:5731920,end:5735764},{filename:"/pglite/share/postgresql/timezone/Asia/Harbin",start:5735764,end:5736325},{filename:"/pglite/share/postgresql/timezone/Asia/Hebron",start:5736325,end:5740197},{filename:"/pglite/share/postgresql/timezone/Asia/Ho_Chi_Minh",start:5740197,end:5740548},{filename:"/pglite/share/postgresql/timezone/Asia/Hong_Kong",start:5740548,end:5741781},{filename:"/pglite/share/postgresql/timezone/Asia/Hovd",start:5741781,end:5742672},{filename:"/pglite/share/postgresql/timezone/Asia/Irkutsk",start:5742672,end:5743915},{filename:"/pglite/share/postgresql/timezone/Asia/Istanbul",start:5743915,end:5745862},{filename:"/pglite/share/postgresql/timezone/Asia/Jakarta",start:5745862,end:5746245},{filename:"/pglite/share/postgresql/timezone/Asia/Jayapura",start:5746245,end:5746466},{filename:"/pglite/share/postgresql/timezone/Asia/Jerusalem",start:5746466,end:5748854},{filename:"/pglite/share/postgresql/timezone/Asia/Kabul",start:5748854,end:5749062},{filename:"/pglite/share/postgresql/timezone/Asia/Kamchatka",start:5749062,end:5750228},{filename:"/pglite/share/postgresql/timezone/Asia/Karachi",start:5750228,end:5750607},{filename:"/pglite/share/postgresql/timezone/Asia/Kashgar",start:5750607,end:5750772},{filename:"/pglite/share/postgresql/timezone/Asia/Kathmandu",start:5750772,end:5750984},{filename:"/pglite/share/postgresql/timezone/Asia/Katmandu",start:5750984,end:5751196},{filename:"/pglite/share/postgresql/timezone/Asia/Khandyga",start:5751196,end:5752467},{filename:"/pglite/share/postgresql/timezone/Asia/Kolkata",start:5752467,end:5752752},{filename:"/pglite/share/postgresql/timezone/Asia/Krasnoyarsk",start:5752752,end:5753959},{filename:"/pglite/share/postgresql/timezone/Asia/Kuala_Lumpur",start:5753959,end:5754374},{filename:"/pglite/share/postgresql/timezone/Asia/Kuching",start:5754374,end:5754857},{filename:"/pglite/share/postgresql/timezone/Asia/Kuwait",start:5754857,end:5755022},{filename:"/pglite/share/postgresql/timezone/Asia/Macao",start:5755022,end:5756249},{filename:"/pglite/share/postgresql/timezone/Asia/Macau",start:5756249,end:5757476},{filename:"/pglite/share/postgresql/timezone/Asia/Magadan",start:5757476,end:5758698},{filename:"/pglite/share/postgresql/timezone/Asia/Makassar",start:5758698,end:5758952},{filename:"/pglite/share/postgresql/timezone/Asia/Manila",start:5758952,end:5759374},{filename:"/pglite/share/postgresql/timezone/Asia/Muscat",start:5759374,end:5759539},{filename:"/pglite/share/postgresql/timezone/Asia/Nicosia",start:5759539,end:5761541},{filename:"/pglite/share/postgresql/timezone/Asia/Novokuznetsk",start:5761541,end:5762706},{filename:"/pglite/share/postgresql/timezone/Asia/Novosibirsk",start:5762706,end:5763927},{filename:"/pglite/share/postgresql/timezone/Asia/Omsk",start:5763927,end:5765134},{filename:"/pglite/share/postgresql/timezone/Asia/Oral",start:5765134,end:5766139},{filename:"/pglite/share/postgresql/timezone/Asia/Phnom_Penh",start:5766139,end:5766338},{filename:"/pglite/share/postgresql/timezone/Asia/Pontianak",start:5766338,end:5766691},{filename:"/pglite/share/postgresql/timezone/Asia/Pyongyang",start:5766691,end:5766928},{filename:"/pglite/share/postgresql/timezone/Asia/Qatar",start:5766928,end:5767127},{filename:"/pglite/share/postgresql/timezone/Asia/Qostanay",start:5767127,end:5768166},{filename:"/pglite/share/postgresql/timezone/Asia/Qyzylorda",start:5768166,end:5769191},{filename:"/pglite/share/postgresql/timezone/Asia/Rangoon",start:5769191,end:5769459},{filename:"/pglite/share/postgresql/timezone/Asia/Riyadh",start:5769459,end:5769624},{filename:"/pglite/share/postgresql/timezone/Asia/Saigon",start:5769624,end:5769975},{filename:"/pglite/share/postgresql/timezone/Asia/Sakhalin",start:5769975,end:5771177},{filename:"/pglite/share/postgresql/timezone/Asia/Samarkand",start:5771177,end:5771754},{filename:"/pglite/share/postgresql/timezone/Asia/Seoul",start:5771754,end:5772371},{filename:"/pglite/share/postgresql/timezone/Asia/Shanghai",start:5772371,end:5772932},{filename:"/pglite/share/postgresql/timezone/Asia/Singapore",start:5772932,end:5773347},{filename:"/pglite/share/postgresql/timezone/Asia/Srednekolymsk",start:5773347,end:5774555},{filename:"/pglite/share/postgresql/timezone/Asia/Taipei",start:5774555,end:5775316},{filename:"/pglite/share/postgresql/timezone/Asia/Tashkent",start:5775316,end:5775907},{filename:"/pglite/share/postgresql/timezone/Asia/Tbilisi",start:5775907,end:5776942},{filename:"/pglite/share/postgresql/timezone/Asia/Tehran",start:5776942,end:5778204},{filename:"/pglite/share/postgresql/timezone/Asia/Tel_Aviv",start:5778204,end:5780592},{filename:"/pglite/share/postgresql/timezone/Asia/Thimbu",start:5780592,end:5780795},{filename:"/pglite/share/postgresql/timezone/Asia/Thimphu",start:5780795,end:5780998},{filename:"/pglite/share/postgresql/timezone/Asia/Tokyo",start:5780998,end:5781307},{filename:"/pglite/share/postgresql/timezone/Asia/Tomsk",start:5781307,end:5782528},{filename:"/pglite/share/postgresql/timezone/Asia/Ujung_Pandang",start:5782528,end:5782782},{filename:"/pglite/share/postgresql/timezone/Asia/Ulaanbaatar",start:5782782,end:5783673},{filename:"/pglite/share/postgresql/timezone/Asia/Ulan_Bator",start:5783673,end:5784564},{filename:"/pglite/share/postgresql/timezone/Asia/Urumqi",start:5784564,end:5784729},{filename:"/pglite/share/postgresql/timezone/Asia/Ust-Nera",start:5784729,end:5785981},{filename:"/pglite/share/postgresql/timezone/Asia/Vientiane",start:5785981,end:5786180},{filename:"/pglite/share/postgresql/timezone/Asia/Vladivostok",start:5786180,end:5787388},{filename:"/pglite/share/postgresql/timezone/Asia/Yakutsk",start:5787388,end:5788595},{filename:"/pglite/share/postgresql/timezone/Asia/Yangon",start:5788595,end:5788863},{filename:"/pglite/share/postgresql/timezone/Asia/Yekaterinburg",start:5788863,end:5790106},{filename:"/pglite/share/postgresql/timezone/Asia/Yerevan",start:5790106,end:5791257},{filename:"/pglite/share/postgresql/timezone/Atlantic/Azores",start:5791257,end:5794713},{filename:"/pglite/share/postgresql/timezone/Atlantic/Bermuda",start:5794713,end:5797109},{filename:"/pglite/share/postgresql/timezone/Atlantic/Canary",start:5797109,end:5799006},{filename:"/pglite/share/postgresql/timezone/Atlantic/Cape_Verde",start:5799006,end:5799276},{filename:"/pglite/share/postgresql/timezone/Atlantic/Faeroe",start:5799276,end:5801091},{filename:"/pglite/share/postgresql/timezone/Atlantic/Faroe",start:5801091,end:5802906},{filename:"/pglite/share/postgresql/timezone/Atlantic/Jan_Mayen",start:5802906,end:5805204},{filename:"/pglite/share/postgresql/timezone/Atlantic/Madeira",start:5805204,end:5808581},{filename:"/pglite/share/postgresql/timezone/Atlantic/Reykjavik",start:5808581,end:5808729},{filename:"/pglite/share/postgresql/timezone/Atlantic/South_Georgia",start:5808729,end:5808893},{filename:"/pglite/share/postgresql/timezone/Atlantic/St_Helena",start:5808893,end:5809041},{filename:"/pglite/share/postgresql/timezone/Atlantic/Stanley",start:5809041,end:5810255},{filename:"/pglite/share/postgresql/timezone/Australia/ACT",start:5810255,end:5812445},{filename:"/pglite/share/postgresql/timezone/Australia/Adelaide",start:5812445,end:5814653},{filename:"/pglite/share/postgresql/timezone/Australia/Brisbane",start:5814653,end:5815072},{filename:"/pglite/share/postgresql/timezone/Australia/Broken_Hill",start:5815072,end:5817301},{filename:"/pglite/share/postgresql/timezone/Australia/Canberra",start:5817301,end:5819491},{filename:"/pglite/share/postgresql/timezone/Australia/Currie",start:5819491,end:5821849},{filename:"/pglite/share/postgresql/timezone/Australia/Darwin",start:5821849,end:5822174},{filename:"/pglite/share/postgresql/timezone/Australia/Eucla",start:5822174,end:5822644},{filename:"/pglite/share/postgresql/timezone/Australia/Hobart",start:5822644,end:5825002},{filename:"/pglite/share/postgresql/timezone/Australia/LHI",start:5825002,end:5826862},{filename:"/pglite/share/postgresql/timezone/Australia/Lindeman",start:5826862,end:5827337},{filename:"/pglite/share/postgresql/timezone/Australia/Lord_Howe",start:5827337,end:5829197},{filename:"/pglite/share/postgresql/timezone/Australia/Melbourne",start:5829197,end:5831387},{filename:"/pglite/share/postgresql/timezone/Australia/NSW",start:5831387,end:5833577},{filename:"/pglite/share/postgresql/timezone/Australia/North",start:5833577,end:5833902},{filename:"/pglite/share/postgresql/timezone/Australia/Perth",start:5833902,end:5834348},{filename:"/pglite/share/postgresql/timezone/Australia/Queensland",start:5834348,end:5834767},{filename:"/pglite/share/postgresql/timezone/Australia/South",start:5834767,end:5836975},{filename:"/pglite/share/postgresql/timezone/Australia/Sydney",start:5836975,end:5839165},{filename:"/pglite/share/postgresql/timezone/Australia/Tasmania",start:5839165,end:5841523},{filename:"/pglite/share/postgresql/timezone/Australia/Victoria",start:5841523,end:5843713},{filename:"/pglite/share/postgresql/timezone/Australia/West",start:5843713,end:5844159},{filename:"/pglite/share/postgresql/timezone/Australia/Yancowinna",start:5844159,end:5846388},{filename:"/pglite/share/postgresql/timezone/Brazil/Acre",start:5846388,end:5847016},{filename:"/pglite/share/postgresql/timezone/Brazil/DeNoronha",start:5847016,end:5847732},{filename:"/pglite/share/postgresql/timezone/Brazil/East",start:5847732,end:5849176},{filename:"/pglite/share/postgresql/timezone/Brazil/West",start:5849176,end:5849780},{filename:"/pglite/share/postgresql/timezone/CET",start:5849780,end:5852713},{filename:"/pglite/share/postgresql/timezone/CST6CDT",start:5852713,end:5856305},{filename:"/pglite/share/postgresql/timezone/Canada/Atlantic",start:5856305,end:5859729},{filename:"/pglite/share/postgresql/timezone/Canada/Central",start:5859729,end:5862597},{filename:"/pglite/share/postgresql/timezone/Canada/Eastern",start:5862597,end:5866091},{filename:"/pglite/share/postgresql/timezone/Canada/Mountain",start:5866091,end:5868121},{filename:"/pglite/share/postgresql/timezone/Canada/Newfoundland",start:5868121,end:5871776},{filename:"/pglite/share/postgresql/timezone/Canada/Pacific",start:5871776,end:5874366},{filename:"/pglite/share/postgresql/timezone/Canada/Saskatchewan",start:5874366,end:5875346},{filename:"/pglite/share/postgresql/timezone/Canada/Yukon",start:5875346,end:5876960},{filename:"/pglite/share/postgresql/timezone/Chile/Continental",start:5876960,end:5879489},{filename:"/pglite/share/postgresql/timezone/Chile/EasterIsland",start:5879489,end:5881722},{filename:"/pglite/share/postgresql/timezone/Cuba",start:5881722,end:5884138},{filename:"/pglite/share/postgresql/timezone/EET",start:5884138,end:5886400},{filename:"/pglite/share/postgresql/timezone/EST",start:5886400,end:5886582},{filename:"/pglite/share/postgresql/timezone/EST5EDT",start:5886582,end:5890134},{filename:"/pglite/share/postgresql/timezone/Egypt",start:5890134,end:5892533},{filename:"/pglite/share/postgresql/timezone/Eire",start:5892533,end:5896025},{filename:"/pglite/share/postgresql/timezone/Etc/GMT",start:5896025,end:5896139},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+0",start:5896139,end:5896253},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+1",start:5896253,end:5896369},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+10",start:5896369,end:5896486},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+11",start:5896486,end:5896603},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+12",start:5896603,end:5896720},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+2",start:5896720,end:5896836},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+3",start:5896836,end:5896952},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+4",start:5896952,end:5897068},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+5",start:5897068,end:5897184},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+6",start:5897184,end:5897300},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+7",start:5897300,end:5897416},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+8",start:5897416,end:5897532},{filename:"/pglite/share/postgresql/timezone/Etc/GMT+9",start:5897532,end:5897648},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-0",start:5897648,end:5897762},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-1",start:5897762,end:5897879},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-10",start:5897879,end:5897997},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-11",start:5897997,end:5898115},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-12",start:5898115,end:5898233},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-13",start:5898233,end:5898351},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-14",start:5898351,end:5898469},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-2",start:5898469,end:5898586},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-3",start:5898586,end:5898703},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-4",start:5898703,end:5898820},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-5",start:5898820,end:5898937},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-6",start:5898937,end:5899054},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-7",start:5899054,end:5899171},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-8",start:5899171,end:5899288},{filename:"/pglite/share/postgresql/timezone/Etc/GMT-9",start:5899288,end:5899405},{filename:"/pglite/share/postgresql/timezone/Etc/GMT0",start:5899405,end:5899519},{filename:"/pglite/share/postgresql/timezone/Etc/Greenwich",start:5899519,end:5899633},{filename:"/pglite/share/postgresql/timezone/Etc/UCT",start:5899633,end:5899747},{filename:"/pglite/share/postgresql/timezone/Etc/UTC",start:5899747,end:5899861},{filename:"/pglite/share/postgresql/timezone/Etc/Universal",start:5899861,end:5899975},{filename:"/pglite/share/postgresql/timezone/Etc/Zulu",start:5899975,end:5900089},{filename:"/pglite/share/postgresql/timezone/Europe/Amsterdam",start:5900089,end:5903022},{filename:"/pglite/share/postgresql/timezone/Europe/Andorra",start:5903022,end:5904764},{filename:"/pglite/share/postgresql/timezone/Europe/Astrakhan",start:5904764,end:5905929},{filename:"/pglite/share/postgresql/timezone/Europe/Athens",start:5905929,end:5908191},{filename:"/pglite/share/postgresql/timezone/Europe/Belfast",start:5908191,end:5911855},{filename:"/pglite/share/postgresql/timezone/Europe/Belgrade",start:5911855,end:5913775},{filename:"/pglite/share/postgresql/timezone/Europe/Berlin",start:5913775,end:5916073},{filename:"/pglite/share/postgresql/timezone/Europe/Bratislava",start:5916073,end:5918374},{filename:"/pglite/share/postgresql/timezone/Europe/Brussels",start:5918374,end:5921307},{filename:"/pglite/share/postgresql/timezone/Europe/Bucharest",start:5921307,end:5923491},{filename:"/pglite/share/postgresql/timezone/Europe/Budapest",start:5923491,end:5925859},{filename:"/pglite/share/postgresql/timezone/Europe/Busingen",start:5925859,end:5927768},{filename:"/pglite/share/postgresql/timezone/Europe/Chisinau",start:5927768,end:5930192},{filename:"/pglite/share/postgresql/timezone/Europe/Copenhagen",start:5930192,end:5932490},{filename:"/pglite/share/postgresql/timezone/Europe/Dublin",start:5932490,end:5935982},{filename:"/pglite/share/postgresql/timezone/Europe/Gibraltar",start:5935982,end:5939050},{filename:"/pglite/share/postgresql/timezone/Europe/Guernsey",start:5939050,end:5942714},{filename:"/pglite/share/postgresql/timezone/Europe/Helsinki",start:5942714,end:5944614},{filename:"/pglite/share/postgresql/timezone/Europe/Isle_of_Man",start:5944614,end:5948278},{filename:"/pglite/share/postgresql/timezone/Europe/Istanbul",start:5948278,end:5950225},{filename:"/pglite/share/postgresql/timezone/Europe/Jersey",start:5950225,end:5953889},{filename:"/pglite/share/postgresql/timezone/Europe/Kaliningrad",start:5953889,end:5955382},{filename:"/pglite/share/postgresql/timezone/Europe/Kiev",start:5955382,end:5957502},{filename:"/pglite/share/postgresql/timezone/Europe/Kirov",start:5957502,end:5958687},{filename:"/pglite/share/postgresql/timezone/Europe/Kyiv",start:5958687,end:5960807},{filename:"/pglite/share/postgresql/timezone/Europe/Lisbon",start:5960807,end:5964334},{filename:"/pglite/share/postgresql/timezone/Europe/Ljubljana",start:5964334,end:5966254},{filename:"/pglite/share/postgresql/timezone/Europe/London",start:5966254,end:5969918},{filename:"/pglite/share/postgresql/timezone/Europe/Luxembourg",start:5969918,end:5972851},{filename:"/pglite/share/postgresql/timezone/Europe/Madrid",start:5972851,end:5975465},{filename:"/pglite/share/postgresql/timezone/Europe/Malta",start:5975465,end:5978085},{filename:"/pglite/share/postgresql/timezone/Europe/Mariehamn",start:5978085,end:5979985},{filename:"/pglite/share/postgresql/timezone/Europe/Minsk",start:5979985,end:5981306},{filename:"/pglite/share/postgresql/timezone/Europe/Monaco",start:5981306,end:5984268},{filename:"/pglite/share/postgresql/timezone/Europe/Moscow",start:5984268,end:5985803},{filename:"/pglite/share/postgresql/timezone/Europe/Nicosia",start:5985803,end:5987805},{filename:"/pglite/share/postgresql/timezone/Europe/Oslo",start:5987805,end:5990103},{filename:"/pglite/share/postgresql/timezone/Europe/Paris",start:5990103,end:5993065},{filename:"/pglite/share/postgresql/timezone/Europe/Podgorica",start:5993065,end:5994985},{filename:"/pglite/share/postgresql/timezone/Europe/Prague",start:5994985,end:5997286},{filename:"/pglite/share/postgresql/timezone/Europe/Riga",start:5997286,end:5999484},{filename:"/pglite/share/postgresql/timezone/Europe/Rome",start:5999484,end:6002125},{filename:"/pglite/share/postgresql/timezone/Europe/Samara",start:6002125,end:6003340},{filename:"/pglite/share/postgresql/timezone/Europe/San_Marino",start:6003340,end:6005981},{filename:"/pglite/share/postgresql/timezone/Europe/Sarajevo",start:6005981,end:6007901},{filename:"/pglite/share/postgresql/timezone/Europe/Saratov",start:6007901,end:6009084},{filename:"/pglite/share/postgresql/timezone/Europe/Simferopol",start:6009084,end:6010553},{filename:"/pglite/share/postgresql/timezone/Europe/Skopje",start:6010553,end:6012473},{filename:"/pglite/share/postgresql/timezone/Europe/Sofia",start:6012473,end:6014550},{filename:"/pglite/share/postgresql/timezone/Europe/Stockholm",start:6014550,end:6016848},{filename:"/pglite/share/postgresql/timezone/Europe/Tallinn",start:6016848,end:6018996},{filename:"/pglite/share/postgresql/timezone/Europe/Tirane",start:6018996,end:6021080},{filename:"/pglite/share/postgresql/timezone/Europe/Tiraspol",start:6021080,end:6023504},{filename:"/pglite/share/postgresql/timezone/Europe/Ulyanovsk",start:6023504,end:6024771},{filename:"/pglite/share/postgresql/timezone/Europe/Uzhgorod",start:6024771,end:6026891},{filename:"/pglite/share/postgresql/timezone/Europe/Vaduz",start:6026891,end:6028800},{filename:"/pglite/share/postgresql/timezone/Europe/Vatican",start:6028800,end:6031441},{filename:"/pglite/share/postgresql/timezone/Europe/Vienna",start:6031441,end:6033641},{filename:"/pglite/share/postgresql/timezone/Europe/Vilnius",start:6033641,end:6035803},{filename:"/pglite/share/postgresql/timezone/Europe/Volgograd",start:6035803,end:6036996},{filename:"/pglite/share/postgresql/timezone/Europe/Warsaw",start:6036996,end:6039650},{filename:"/pglite/share/postgresql/timezone/Europe/Zagreb",start:6039650,end:6041570},{filename:"/pglite/share/postgresql/timezone/Europe/Zaporozhye",start:6041570,end:6043690},{filename:"/pglite/share/postgresql/timezone/Europe/Zurich",start:6043690,end:6045599},{filename:"/pglite/share/postgresql/timezone/Factory",start:6045599,end:6045715},{filename:"/pglite/share/postgresql/timezone/GB",start:6045715,end:6049379},{filename:"/pglite/share/postgresql/timezone/GB-Eire",start:6049379,end:6053043},{filename:"/pglite/share/postgresql/timezone/GMT",start:6053043,end:6053157},{filename:"/pglite/share/postgresql/timezone/GMT+0",start:6053157,end:6053271},{filename:"/pglite/share/postgresql/timezone/GMT-0",start:6053271,end:6053385},{filename:"/pglite/share/postgresql/timezone/GMT0",start:6053385,end:6053499},{filename:"/pglite/share/postgresql/timezone/Greenwich",start:6053499,end:6053613},{filename:"/pglite/share/postgresql/timezone/HST",start:6053613,end:6053942},{filename:"/pglite/share/postgresql/timezone/Hongkong",start:6053942,end:6055175},{filename:"/pglite/share/postgresql/timezone/Iceland",start:6055175,end:6055323},{filename:"/pglite/share/postgresql/timezone/Indian/Antananarivo",start:6055323,end:6055588},{filename:"/pglite/share/postgresql/timezone/Indian/Chagos",start:6055588,end:6055787},{filename:"/pglite/share/postgresql/timezone/Indian/Christmas",start:6055787,end:6055986},{filename:"/pglite/share/postgresql/timezone/Indian/Cocos",start:6055986,end:6056254},{filename:"/pglite/share/postgresql/timezone/Indian/Comoro",start:6056254,end:6056519},{filename:"/pglite/share/postgresql/timezone/Indian/Kerguelen",start:6056519,end:6056718},{filename:"/pglite/share/postgresql/timezone/Indian/Mahe",start:6056718,end:6056883},{filename:"/pglite/share/postgresql/timezone/Indian/Maldives",start:6056883,end:6057082},{filename:"/pglite/share/postgresql/timezone/Indian/Mauritius",start:6057082,end:6057323},{filename:"/pglite/share/postgresql/timezone/Indian/Mayotte",start:6057323,end:6057588},{filename:"/pglite/share/postgresql/timezone/Indian/Reunion",start:6057588,end:6057753},{filename:"/pglite/share/postgresql/timezone/Iran",start:6057753,end:6059015},{filename:"/pglite/share/postgresql/timezone/Israel",start:6059015,end:6061403},{filename:"/pglite/share/postgresql/timezone/Jamaica",start:6061403,end:6061885},{filename:"/pglite/share/postgresql/timezone/Japan",start:6061885,end:6062194},{filename:"/pglite/share/postgresql/timezone/Kwajalein",start:6062194,end:6062510},{filename:"/pglite/share/postgresql/timezone/Libya",start:6062510,end:6063135},{filename:"/pglite/share/postgresql/timezone/MET",start:6063135,end:6066068},{filename:"/pglite/share/postgresql/timezone/MST",start:6066068,end:6066428},{filename:"/pglite/share/postgresql/timezone/MST7MDT",start:6066428,end:6068888},{filename:"/pglite/share/postgresql/timezone/Mexico/BajaNorte",start:6068888,end:6071794},{filename:"/pglite/share/postgresql/timezone/Mexico/BajaSur",start:6071794,end:6072854},{filename:"/pglite/share/postgresql/timezone/Mexico/General",start:6072854,end:6074076},{filename:"/pglite/share/postgresql/timezone/NZ",start:6074076,end:6076513},{filename:"/pglite/share/postgresql/timezone/NZ-CHAT",start:6076513,end:6078581},{filename:"/pglite/share/postgresql/timezone/Navajo",start:6078581,end:6081041},{filename:"/pglite/share/postgresql/timezone/PRC",start:6081041,end:6081602},{filename:"/pglite/share/postgresql/timezone/PST8PDT",start:6081602,end:6084454},{filename:"/pglite/share/postgresql/timezone/Pacific/Apia",start:6084454,end:6085066},{filename:"/pglite/share/postgresql/timezone/Pacific/Auckland",start:6085066,end:6087503},{filename:"/pglite/share/postgresql/timezone/Pacific/Bougainville",start:6087503,end:6087771},{filename:"/pglite/share/postgresql/timezone/Pacific/Chatham",start:6087771,end:6089839},{filename:"/pglite/share/postgresql/timezone/Pacific/Chuuk",start:6089839,end:6090025},{filename:"/pglite/share/postgresql/timezone/Pacific/Easter",start:6090025,end:6092258},{filename:"/pglite/share/postgresql/timezone/Pacific/Efate",start:6092258,end:6092796},{filename:"/pglite/share/postgresql/timezone/Pacific/Enderbury",start:6092796,end:6093030},{filename:"/pglite/share/postgresql/timezone/Pacific/Fakaofo",start:6093030,end:6093230},{filename:"/pglite/share/postgresql/timezone/Pacific/Fiji",start:6093230,end:6093808},{filename:"/pglite/share/postgresql/timezone/Pacific/Funafuti",start:6093808,end:6093974},{filename:"/pglite/share/postgresql/timezone/Pacific/Galapagos",start:6093974,end:6094212},{filename:"/pglite/share/postgresql/timezone/Pacific/Gambier",start:6094212,end:6094376},{filename:"/pglite/share/postgresql/timezone/Pacific/Guadalcanal",start:6094376,end:6094542},{filename:"/pglite/share/postgresql/timezone/Pacific/Guam",start:6094542,end:6095036},{filename:"/pglite/share/postgresql/timezone/Pacific/Honolulu",start:6095036,end:6095365},{filename:"/pglite/share/postgresql/timezone/Pacific/Johnston",start:6095365,end:6095694},{filename:"/pglite/share/postgresql/timezone/Pacific/Kanton",start:6095694,end:6095928},{filename:"/pglite/share/postgresql/timezone/Pacific/Kiritimati",start:6095928,end:6096166},{filename:"/pglite/share/postgresql/timezone/Pacific/Kosrae",start:6096166,end:6096517},{filename:"/pglite/share/postgresql/timezone/Pacific/Kwajalein",start:6096517,end:6096833},{filename:"/pglite/share/postgresql/timezone/Pacific/Majuro",start:6096833,end:6096999},{filename:"/pglite/share/postgresql/timezone/Pacific/Marquesas",start:6096999,end:6097172},{filename:"/pglite/share/postgresql/timezone/Pacific/Midway",start:6097172,end:6097347},{filename:"/pglite/share/postgresql/timezone/Pacific/Nauru",start:6097347,end:6097599},{filename:"/pglite/share/postgresql/timezone/Pacific/Niue",start:6097599,end:6097802},{filename:"/pglite/share/postgresql/timezone/Pacific/Norfolk",start:6097802,end:6098682},{filename:"/pglite/share/postgresql/timezone/Pacific/Noumea",start:6098682,end:6098986},{filename:"/pglite/share/postgresql/timezone/Pacific/Pago_Pago",start:6098986,end:6099161},{filename:"/pglite/share/postgresql/timezone/Pacific/Palau",start:6099161,end:6099341},{filename:"/pglite/share/postgresql/timezone/Pacific/Pitcairn",start:6099341,end:6099543},{filename:"/pglite/share/postgresql/timezone/Pacific/Pohnpei",start:6099543,end:6099709},{filename:"/pglite/share/postgresql/timezone/Pacific/Ponape",start:6099709,end:6099875},{filename:"/pglite/share/postgresql/timezone/Pacific/Port_Moresby",start:6099875,end:6100061},{filename:"/pglite/share/postgresql/timezone/Pacific/Rarotonga",start:6100061,end:6100664},{filename:"/pglite/share/postgresql/timezone/Pacific/Saipan",start:6100664,end:6101158},{filename:"/pglite/share/postgresql/timezone/Pacific/Samoa",start:6101158,end:6101333},{filename:"/pglite/share/postgresql/timezone/Pacific/Tahiti",start:6101333,end:6101498},{filename:"/pglite/share/postgresql/timezone/Pacific/Tarawa",start:6101498,end:6101664},{filename:"/pglite/share/postgresql/timezone/Pacific/Tongatapu",start:6101664,end:6102036},{filename:"/pglite/share/postgresql/timezone/Pacific/Truk",start:6102036,end:6102222},{filename:"/pglite/share/postgresql/timezone/Pacific/Wake",start:6102222,end:6102388},{filename:"/pglite/share/postgresql/timezone/Pacific/Wallis",start:6102388,end:6102554},{filename:"/pglite/share/postgresql/timezone/Pacific/Yap",start:6102554,end:6102740},{filename:"/pglite/share/postgresql/timezone/Poland",start:6102740,end:6105394},{filename:"/pglite/share/postgresql/timezone/Portugal",start:6105394,end:6108921},{filename:"/pglite/share/postgresql/timezone/ROC",start:6108921,end:6109682},{filename:"/pglite/share/postgresql/timezone/ROK",start:6109682,end:6110299},{filename:"/pglite/share/postgresql/timezone/Singapore",start:6110299,end:6110714},{filename:"/pglite/share/postgresql/timezone/Turkey",start:6110714,end:6112661},{filename:"/pglite/share/postgresql/timezone/UCT",start:6112661,end:6112775},{filename:"/pglite/share/postgresql/timezone/US/Alaska",start:6112775,end:6115146},{filename:"/pglite/share/postgresql/timezone/US/Aleutian",start:6115146,end:6117502},{filename:"/pglite/share/postgresql/timezone/US/Arizona",start:6117502,end:6117862},{filename:"/pglite/share/postgresql/timezone/US/Central",start:6117862,end:6121454},{filename:"/pglite/share/postgresql/timezone/US/East-Indiana",start:6121454,end:6123136},{filename:"/pglite/share/postgresql/timezone/US/Eastern",start:6123136,end:6126688},{filename:"/pglite/share/postgresql/timezone/US/Hawaii",start:6126688,end:6127017},{filename:"/pglite/share/postgresql/timezone/US/Indiana-Starke",start:6127017,end:6129461},{filename:"/pglite/share/postgresql/timezone/US/Michigan",start:6129461,end:6131691},{filename:"/pglite/share/postgresql/timezone/US/Mountain",start:6131691,end:6134151},{filename:"/pglite/share/postgresql/timezone/US/Pacific",start:6134151,end:6137003},{filename:"/pglite/share/postgresql/timezone/US/Samoa",start:6137003,end:6137178},{filename:"/pglite/share/postgresql/timezone/UTC",start:6137178,end:6137292},{filename:"/pglite/share/postgresql/timezone/Universal",start:6137292,end:6137406},{filename:"/pglite/share/postgresql/timezone/W-SU",start:6137406,end:6138941},{filename:"/pglite/share/postgresql/timezone/WET",start:6138941,end:6142468},{filename:"/pglite/share/postgresql/timezone/Zulu",start:6142468,end:6142582},{filename:"/pglite/share/postgresql/timezonesets/Africa.txt",start:6142582,end:6149555},{filename:"/pglite/share/postgresql/timezonesets/America.txt",start:6149555,end:6160562},{filename:"/pglite/share/postgresql/timezonesets/Antarctica.txt",start:6160562,end:6161696},{filename:"/pglite/share/postgresql/timezonesets/Asia.txt",start:6161696,end:6170007},{filename:"/pglite/share/postgresql/timezonesets/Atlantic.txt",start:6170007,end:6173540},{filename:"/pglite/share/postgresql/timezonesets/Australia",start:6173540,end:6174675},{filename:"/pglite/share/postgresql/timezonesets/Australia.txt",start:6174675,end:6178059},{filename:"/pglite/share/postgresql/timezonesets/Default",start:6178059,end:6205273},{filename:"/pglite/share/postgresql/timezonesets/Etc.txt",start:6205273,end:6206523},{filename:"/pglite/share/postgresql/timezonesets/Europe.txt",start:6206523,end:6215269},{filename:"/pglite/share/postgresql/timezonesets/India",start:6215269,end:6215862},{filename:"/pglite/share/postgresql/timezonesets/Indian.txt",start:6215862,end:6217123},{filename:"/pglite/share/postgresql/timezonesets/Pacific.txt",start:6217123,end:6220891},{filename:"/pglite/share/postgresql/tsearch_data/danish.stop",start:6220891,end:6221315},{filename:"/pglite/share/postgresql/tsearch_data/dutch.stop",start:6221315,end:6221768},{filename:"/pglite/share/postgresql/tsearch_data/english.stop",start:6221768,end:6222390},{filename:"/pglite/share/postgresql/tsearch_data/finnish.stop",start:6222390,end:6223969},{filename:"/pglite/share/postgresql/tsearch_data/french.stop",start:6223969,end:6224774},{filename:"/pglite/share/postgresql/tsearch_data/german.stop",start:6224774,end:6226123},{filename:"/pglite/share/postgresql/tsearch_data/hungarian.stop",start:6226123,end:6227350},{filename:"/pglite/share/postgresql/tsearch_data/hunspell_sample.affix",start:6227350,end:6227593},{filename:"/pglite/share/postgresql/tsearch_data/hunspell_sample_long.affix",start:6227593,end:6228226},{filename:"/pglite/share/postgresql/tsearch_data/hunspell_sample_long.dict",start:6228226,end:6228324},{filename:"/pglite/share/postgresql/tsearch_data/hunspell_sample_num.affix",start:6228324,end:6228786},{filename:"/pglite/share/postgresql/tsearch_data/hunspell_sample_num.dict",start:6228786,end:6228915},{filename:"/pglite/share/postgresql/tsearch_data/ispell_sample.affix",start:6228915,end:6229380},{filename:"/pglite/share/postgresql/tsearch_data/ispell_sample.dict",start:6229380,end:6229461},{filename:"/pglite/share/postgresql/tsearch_data/italian.stop",start:6229461,end:6231115},{filename:"/pglite/share/postgresql/tsearch_data/nepali.stop",start:6231115,end:6235376},{filename:"/pglite/share/postgresql/tsearch_data/norwegian.stop",start:6235376,end:6236227},{filename:"/pglite/share/postgresql/tsearch_data/portuguese.stop",start:6236227,end:6237494},{filename:"/pglite/share/postgresql/tsearch_data/russian.stop",start:6237494,end:6238729},{filename:"/pglite/share/postgresql/tsearch_data/spanish.stop",start:6238729,end:6240907},{filename:"/pglite/share/postgresql/tsearch_data/swedish.stop",start:6240907,end:6241466},{filename:"/pglite/share/postgresql/tsearch_data/synonym_sample.syn",start:6241466,end:6241539},{filename:"/pglite/share/postgresql/tsearch_data/thesaurus_sample.ths",start:6241539,end:6242012},{filename:"/pglite/share/postgresql/tsearch_data/turkish.stop",start:6242012,end:6242272}],remote_package_size:6242272})}})();var programArgs=[],thisProgram="./this.program",quit_=(e,t)=>{throw t},_scriptName=import.meta.url,scriptDirectory="";function locateFile(e){return Module.locateFile?Module.locateFile(e,scriptDirectory):scriptDirectory+e}var readAsync,readBinary;if(ENVIRONMENT_IS_NODE){var fs=require("node:fs");_scriptName.startsWith("file:")&&(scriptDirectory=require("node:path").dirname(require("node:url").fileURLToPath(_scriptName))+"/"),readBinary=e=>{e=isFileURI(e)?new URL(e):e;var t=fs.readFileSync(e);return t},readAsync=async(e,t=!0)=>{e=isFileURI(e)?new URL(e):e;var r=fs.readFileSync(e,t?void 0:"utf8");return r},process.argv.length>1&&(thisProgram=process.argv[1].replace(/\\/g,"/")),programArgs=process.argv.slice(2),quit_=(e,t)=>{throw process.exitCode=e,t}}else if(ENVIRONMENT_IS_WEB||ENVIRONMENT_IS_WORKER){try{scriptDirectory=new URL(".",_scriptName).href}catch{}ENVIRONMENT_IS_WORKER&&(readBinary=e=>{var t=new XMLHttpRequest;return t.open("GET",e,!1),t.responseType="arraybuffer",t.send(null),new Uint8Array(t.response)}),readAsync=async e=>{var t=await fetch(e,{credentials:"same-origin"});if(t.ok)return t.arrayBuffer();throw new Error(t.status+" : "+t.url)}}var out=console.log.bind(console),err=console.error.bind(console),dynamicLibraries=[],wasmBinary,ABORT=!1,EXITSTATUS,isFileURI=e=>e.startsWith("file://");class EmscriptenEH{}class EmscriptenSjLj extends EmscriptenEH{}var runtimeInitialized=!1,runtimeExited=!1;function getMemoryBuffer(){return wasmMemory.buffer}function updateMemoryViews(){if(!HEAP8?.buffer?.resizable){var e=getMemoryBuffer();HEAP8=new Int8Array(e),HEAP16=new Int16Array(e),Module.HEAPU8=HEAPU8=new Uint8Array(e),HEAPU16=new Uint16Array(e),HEAP32=new Int32Array(e),HEAPU32=new Uint32Array(e),HEAPF32=new Float32Array(e),HEAPF64=new Float64Array(e),HEAP64=new BigInt64Array(e),HEAPU64=new BigUint64Array(e)}}function initMemory(){if(Module.wasmMemory)wasmMemory=Module.wasmMemory;else{var e=Module.INITIAL_MEMORY||134217728;wasmMemory=new WebAssembly.Memory({initial:e/65536,maximum:32768})}updateMemoryViews()}var __RELOC_FUNCS__=[];function preRun(){var e=Module.preRun;e&&(typeof e=="function"&&(e=[e]),onPreRuns.push(...e)),callRuntimeCallbacks(onPreRuns)}function initRuntime(){runtimeInitialized=!0,callRuntimeCallbacks(__RELOC_FUNCS__),!Module.noFSInit&&!FS.initialized&&FS.init(),TTY.init(),SOCKFS.root=FS.mount(SOCKFS,{},null),PIPEFS.root=FS.mount(PIPEFS,{},null),wasmExports.__wasm_call_ctors(),callRuntimeCallbacks(onPostCtors),FS.ignorePermissions=!1}function exitRuntime(){___funcs_on_exit(),FS.quit(),TTY.shutdown(),IDBFS.quit(),clearTimers(),runtimeExited=!0}function postRun(){var e=Module.postRun;e&&(typeof e=="function"&&(e=[e]),onPostRuns.push(...e)),callRuntimeCallbacks(onPostRuns)}function abort(e){throw Module.onAbort?.(e),e=`Aborted(${e})`,err(e),ABORT=!0,e+=". Build with -sASSERTIONS for more info.",new WebAssembly.RuntimeError(e)}var wasmBinaryFile;function findWasmBinary(){return Module.locateFile?locateFile("pglite.wasm"):__webpack_require__.ab + "pglite.wasm"}function getBinarySync(e){if(readBinary)return readBinary(e);throw"both async and sync fetching of the wasm failed"}async function getWasmBinary(e){if(!wasmBinary)try{var t=await readAsync(e);return new Uint8Array(t)}catch{}return getBinarySync(e)}async function instantiateArrayBuffer(e,t){try{var r=await getWasmBinary(e),_=await WebAssembly.instantiate(r,t);return _}catch(n){err(`failed to asynchronously prepare wasm: ${n}`),abort(n)}}async function instantiateAsync(e,t,r){if(!e&&!ENVIRONMENT_IS_NODE)try{var _=fetch(t,{credentials:"same-origin"}),n=await WebAssembly.instantiateStreaming(_,r);return n}catch(a){err(`wasm streaming compile failed: ${a}`),err("falling back to ArrayBuffer instantiation")}return instantiateArrayBuffer(t,r)}function getWasmImports(){var e=new Proxy(new Set([]),GOTHandler),t={env:wasmImports,wasi_snapshot_preview1:wasmImports,"GOT.mem":e,"GOT.func":e};return t}async function createWasm(){async function e(a,i){wasmExports=a.exports;var l=wasmExports;mergeLibSymbols(wasmExports,"main");var o=getDylinkMetadata(i);return o.neededDynlibs&&(dynamicLibraries=o.neededDynlibs.concat(dynamicLibraries)),assignWasmExports(wasmExports),updateGOT(l),LDSO.init(),await loadDylibs(),wasmExports}var t=getWasmImports(),r=Module.instantiateWasm;if(r)return new Promise(a=>{r(t,(i,l)=>a(e(i,l)))});wasmBinaryFile??(wasmBinaryFile=findWasmBinary());var _=await instantiateAsync(wasmBinary,wasmBinaryFile,t),n=await(function(a){return e(a.instance,a.module)})(_);return n}class ExitStatus{constructor(t){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.d)(this,"name","ExitStatus");this.message=`Program terminated with exit(${t})`,this.status=t}}var GOT={},GOTHandler={get(e,t){var r=GOT[t];return r||(r=GOT[t]=new WebAssembly.Global({value:"i32",mutable:!0},-1)),e.has(t)||(r.required=!0),r}},HEAP16,HEAP32,HEAP64,HEAP8,HEAPF32,HEAPF64,HEAPU16,HEAPU32,HEAPU64,HEAPU8,callRuntimeCallbacks=e=>{for(;e.length>0;)e.shift()(Module)},onPostRuns=[],onPreRuns=[],UTF8Decoder=globalThis.TextDecoder&&new TextDecoder,findStringEnd=(e,t,r,_)=>{var n=t+r;if(_)return n;for(;e[t]&&!(t>=n);)++t;return t},UTF8ArrayToString=(e,t=0,r,_)=>{var n=findStringEnd(e,t,r,_);if(n-t>16&&e.buffer&&UTF8Decoder)return UTF8Decoder.decode(e.subarray(t,n));for(var a="";t<n;){var i=e[t++];if(!(i&128)){a+=String.fromCharCode(i);continue}var l=e[t++]&63;if((i&224)==192){a+=String.fromCharCode((i&31)<<6|l);continue}var o=e[t++]&63;if((i&240)==224?i=(i&15)<<12|l<<6|o:i=(i&7)<<18|l<<12|o<<6|e[t++]&63,i<65536)a+=String.fromCharCode(i);else{var s=i-65536;a+=String.fromCharCode(55296|s>>10,56320|s&1023)}}return a},getDylinkMetadata=e=>{var t=0,r=0;function _(){return e[t++]}function n(){for(var M=0,C=1;;){var v=e[t++];if(M+=(v&127)*C,C*=128,!(v&128))break}return M}function a(){var M=n();return t+=M,UTF8ArrayToString(e,t-M,M)}function i(){for(var M=n(),C=[];M--;)C.push(a());return C}function l(M,C){if(M)throw new Error(C)}if(e instanceof WebAssembly.Module){var o=WebAssembly.Module.customSections(e,"dylink.0");l(!o.length,"need dylink section"),e=new Uint8Array(o[0]),r=e.length}else{var s=new Uint32Array(new Uint8Array(e.subarray(0,24)).buffer),c=s[0]==1836278016;l(!c,"need to see wasm magic number"),l(e[8],"need the dylink section to be first"),t=9;var p=n();r=t+p;var d=a();l(d!=="dylink.0")}for(var u={neededDynlibs:[],tlsExports:new Set,weakImports:new Set,runtimePaths:[]};t<r;){var f=_(),m=n();if(f===1)u.memorySize=n(),u.memoryAlign=n(),u.tableSize=n(),u.tableAlign=n();else if(f===2)u.neededDynlibs=i();else if(f===3)for(var y=n();y--;){var b=a(),k=n();k&256&&u.tlsExports.add(b)}else if(f===4)for(y=n();y--;)a(),b=a(),k=n(),(k&3)==1&&u.weakImports.add(b);else if(f===5)u.runtimePaths=i();else if(f===6){var P=a();l(P!=="wasm32",`incorrect architecture (${P} vs wasm32)`)}else t+=m}return u};function getValue(e,t="i8"){switch(t.endsWith("*")&&(t="*"),t){case"i1":return HEAP8[e];case"i8":return HEAP8[e];case"i16":return HEAP16[e>>1];case"i32":return HEAP32[e>>2];case"i64":return HEAP64[e>>3];case"float":return HEAPF32[e>>2];case"double":return HEAPF64[e>>3];case"*":return HEAPU32[e>>2];default:abort(`invalid type for getValue: ${t}`)}}var newDSO=(e,t,r)=>{var _={refcount:1/0,name:e,exports:r,global:!0};return LDSO.loadedLibsByName[e]=_,t!=null&&(LDSO.loadedLibsByHandle[t]=_),_},LDSO={loadedLibsByName:{},loadedLibsByHandle:{},init(){newDSO("__main__",0,wasmImports)}},alignMemory=(e,t)=>Math.ceil(e/t)*t,getMemory=e=>{if(runtimeInitialized)return _calloc(e,1);var t=___heap_base,r=t+alignMemory(e,16);___heap_base=r;var _=_emscripten_get_sbrk_ptr();return HEAPU32[_>>2]=r,t},isInternalSym=e=>["memory","__memory_base","__table_base","__stack_pointer","__indirect_function_table","__cpp_exception","__c_longjmp","__wasm_apply_data_relocs","__dso_handle","__tls_size","__tls_align","__set_stack_limits","_emscripten_tls_init","__wasm_init_tls","__wasm_call_ctors","__start_em_asm","__stop_em_asm","__start_em_js","__stop_em_js"].includes(e)||e.startsWith("__em_js__"),wasmTableMirror=[],getWasmTableEntry=e=>{var t=wasmTableMirror[e];return t||(wasmTableMirror[e]=t=wasmTable.get(e)),t},updateTableMap=(e,t)=>{if(functionsInTableMap)for(var r=e;r<e+t;r++){var _=getWasmTableEntry(r);_&&functionsInTableMap.set(_,r)}},functionsInTableMap,getFunctionAddress=e=>(functionsInTableMap||(functionsInTableMap=new WeakMap,updateTableMap(0,wasmTable.length)),functionsInTableMap.get(e)||0),freeTableIndexes=[],getEmptyTableSlot=()=>freeTableIndexes.length?freeTableIndexes.pop():wasmTable.grow(1),setWasmTableEntry=(e,t)=>{wasmTable.set(e,t),wasmTableMirror[e]=wasmTable.get(e)},uleb128EncodeWithLen=e=>{let t=e.length;return[t%128|128,t>>7,...e]},wasmTypeCodes={i:127,p:127,j:126,f:125,d:124,e:111},generateTypePack=e=>uleb128EncodeWithLen(Array.from(e,t=>{var r=wasmTypeCodes[t];return r})),convertJsFunctionToWasm=(e,t)=>{var r=Uint8Array.of(0,97,115,109,1,0,0,0,1,...uleb128EncodeWithLen([1,96,...generateTypePack(t.slice(1)),...generateTypePack(t[0]==="v"?"":t[0])]),2,7,1,1,101,1,102,0,0,7,5,1,1,102,0,0),_=new WebAssembly.Module(r),n=new WebAssembly.Instance(_,{e:{f:e}}),a=n.exports.f;return a},addFunction=(e,t)=>{var r=getFunctionAddress(e);if(r)return r;var _=getEmptyTableSlot();try{setWasmTableEntry(_,e)}catch(a){if(!(a instanceof TypeError))throw a;var n=convertJsFunctionToWasm(e,t);setWasmTableEntry(_,n)}return functionsInTableMap.set(e,_),_},updateGOT=(e,t)=>{for(var r in e)if(!isInternalSym(r)){var _=e[r],n=GOT[r]&&GOT[r].value!=-1;if(t||!n){var a;if(typeof _=="function")a=addFunction(_);else if(typeof _.value=="number")a=_;else continue;GOT[r]??(GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})),GOT[r].value=a}}},isImmutableGlobal=e=>{if(e instanceof WebAssembly.Global)try{e.value=e.value}catch{return!0}return!1},relocateExports=(e,t=0)=>{function r(a,i){return isImmutableGlobal(i)?new WebAssembly.Global({value:"i32"},i.value+t):i}var _={};for(var n in e)_[n]=r(0,e[n]);return _},isSymbolDefined=e=>{var t=wasmImports[e];return!(!t||t.stub)},createNamedFunction=(e,t)=>Object.defineProperty(t,"name",{value:e}),dynCall=(e,t,r=[])=>{var _=getWasmTableEntry(t),n=_(...r);return(function(a){return a})(n)},stackSave=()=>_emscripten_stack_get_current(),stackRestore=e=>__emscripten_stack_restore(e),createInvokeFunction=e=>(t,...r)=>{var _=stackSave();try{return dynCall(e,t,r)}catch(n){if(stackRestore(_),!(n instanceof EmscriptenEH))throw n;if(_setThrew(1,0),e[0]=="j")return 0n}},resolveGlobalSymbol=e=>{var t;return isSymbolDefined(e)?t=wasmImports[e]:e.startsWith("invoke_")&&(t=wasmImports[e]=createNamedFunction(e,createInvokeFunction(e.split("_")[1]))),{sym:t,name:e}},onPostCtors=[],addOnPostCtor=e=>{onPostCtors.push(e)},UTF8ToString=(e,t,r)=>e?UTF8ArrayToString(HEAPU8,e,t,r):"",loadWebAssemblyModule=(binary,flags,libName,localScope,handle)=>{var metadata=getDylinkMetadata(binary);function loadModule(){var memAlign=Math.pow(2,metadata.memoryAlign),memoryBase=metadata.memorySize?alignMemory(getMemory(metadata.memorySize+memAlign),memAlign):0,tableBase=metadata.tableSize?wasmTable.length:0;handle&&(HEAP8[handle+8]=1,HEAPU32[handle+12>>2]=memoryBase,HEAP32[handle+16>>2]=metadata.memorySize,HEAPU32[handle+20>>2]=tableBase,HEAP32[handle+24>>2]=metadata.tableSize),metadata.tableSize&&wasmTable.grow(metadata.tableSize);var moduleExports;function resolveSymbol(e){var t=resolveGlobalSymbol(e).sym;return!t&&localScope&&(t=localScope[e]),t||(t=moduleExports[e]),t}var proxyHandler={get(e,t){switch(t){case"__memory_base":return memoryBase;case"__table_base":return tableBase}if(t in wasmImports&&!wasmImports[t].stub){var r=wasmImports[t];return r}if(!(t in e)){var _;e[t]=(...n)=>(_||(_=resolveSymbol(t)),_(...n))}return e[t]}},proxy=new Proxy({},proxyHandler),GOTProxy=new Proxy(metadata.weakImports,GOTHandler),info={"GOT.mem":GOTProxy,"GOT.func":GOTProxy,env:proxy,wasi_snapshot_preview1:proxy};function postInstantiation(module,instance){updateTableMap(tableBase,metadata.tableSize),moduleExports=relocateExports(instance.exports,memoryBase),updateGOT(moduleExports),flags.allowUndefined||reportUndefinedSymbols();function addEmAsm(addr,body){for(var args=[],arity=0;;arity++){var argName="$"+arity;if(!body.includes(argName))break;args.push(argName)}args=args.join();var func=`(${args}) => { ${body} };`;ASM_CONSTS[start]=eval(func)}if("__start_em_asm"in moduleExports)for(var start=moduleExports.__start_em_asm.value,stop=moduleExports.__stop_em_asm.value;start<stop;){var jsString=UTF8ToString(start);addEmAsm(start,jsString),start=HEAPU8.indexOf(0,start)+1}function addEmJs(name,cSig,body){var jsArgs=[];if(cSig=cSig.slice(1,-1),cSig!="void"){cSig=cSig.split(",");for(var arg of cSig){var jsArg=arg.split(" ").pop();jsArgs.push(jsArg.replaceAll("*",""))}}var func=`(${jsArgs}) => ${body};`;moduleExports[name]=eval(func)}for(var name in moduleExports)if(name.startsWith("__em_js__")){var start=moduleExports[name].value,jsString=UTF8ToString(start),[sig,body]=jsString.split("<::>");addEmJs(name.replace("__em_js__",""),sig,body),delete moduleExports[name]}var applyRelocs=moduleExports.__wasm_apply_data_relocs;applyRelocs&&(runtimeInitialized?applyRelocs():__RELOC_FUNCS__.push(applyRelocs));var init=moduleExports.__wasm_call_ctors;return init&&(runtimeInitialized?init():addOnPostCtor(init)),moduleExports}if(flags.loadAsync)return(async()=>{var e;return binary instanceof WebAssembly.Module?e=new WebAssembly.Instance(binary,info):{module:binary,instance:e}=await WebAssembly.instantiate(binary,info),postInstantiation(binary,e)})();var module=binary instanceof WebAssembly.Module?binary:new WebAssembly.Module(binary),instance=new WebAssembly.Instance(module,info);return postInstantiation(module,instance)}if(flags={...flags,rpath:{parentLibPath:libName,paths:metadata.runtimePaths}},flags.loadAsync)return metadata.neededDynlibs.reduce((e,t)=>e.then(()=>(t=findLibraryFS(t,flags.rpath)??t,loadDynamicLibrary(t,flags,localScope))),Promise.resolve()).then(loadModule);for(var needed of metadata.neededDynlibs)needed=findLibraryFS(needed,flags.rpath)??needed,loadDynamicLibrary(needed,flags,localScope);return loadModule()},mergeLibSymbols=e=>{for(var[t,r]of Object.entries(e)){let _=a=>{isSymbolDefined(a)||(wasmImports[a]=r)};_(t);let n="__main_argc_argv";t=="main"&&_(n),t==n&&_("main")}},asyncLoad=async e=>{var t=await readAsync(e);return new Uint8Array(t)},preloadPlugins=[],registerWasmPlugin=()=>{var e={canHandle:t=>!Module.noWasmDecoding&&t.endsWith(".so"),handle:async(t,r)=>{try{var _=await loadWebAssemblyModule(t,{loadAsync:!0,nodelete:!0},r,{})}catch(n){throw new Error(`failed to instantiate wasm: ${r}: ${n}`)}return preloadedWasm[r]=_,t}};preloadPlugins.push(e)},preloadedWasm={},PATH={isAbs:e=>e.charAt(0)==="/",splitPath:e=>/^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/.exec(e).slice(1),normalizeArray:(e,t)=>{for(var r=0,_=e.length-1;_>=0;_--){var n=e[_];n==="."?e.splice(_,1):n===".."?(e.splice(_,1),r++):r&&(e.splice(_,1),r--)}if(t)for(;r;r--)e.unshift("..");return e},normalize:e=>{var t=PATH.isAbs(e),r=e.slice(-1)==="/";return e=PATH.normalizeArray(e.split("/").filter(_=>!!_),!t).join("/"),!e&&!t&&(e="."),e&&r&&(e+="/"),(t?"/":"")+e},dirname:e=>{var t=PATH.splitPath(e),r=t[0],_=t[1];return!r&&!_?".":(_&&(_=_.slice(0,-1)),r+_)},basename:e=>e&&e.match(/([^\/]+|\/)\/*$/)[1],join:(...e)=>PATH.normalize(e.join("/")),join2:(e,t)=>PATH.normalize(e+"/"+t)},replaceORIGIN=(e,t)=>{if(t.startsWith("$ORIGIN")){var r=PATH.dirname(e);return t.replace("$ORIGIN",r)}return t},withStackSave=e=>{var t=stackSave(),r=e();return stackRestore(t),r},stackAlloc=e=>__emscripten_stack_alloc(e),lengthBytesUTF8=e=>{for(var t=0,r=0;r<e.length;++r){var _=e.charCodeAt(r);_<=127?t++:_<=2047?t+=2:_>=55296&&_<=57343?(t+=4,++r):t+=3}return t},stringToUTF8Array=(e,t,r,_)=>{if(!(_>0))return 0;for(var n=r,a=r+_-1,i=0;i<e.length;++i){var l=e.codePointAt(i);if(l<=127){if(r>=a)break;t[r++]=l}else if(l<=2047){if(r+1>=a)break;t[r++]=192|l>>6,t[r++]=128|l&63}else if(l<=65535){if(r+2>=a)break;t[r++]=224|l>>12,t[r++]=128|l>>6&63,t[r++]=128|l&63}else{if(r+3>=a)break;t[r++]=240|l>>18,t[r++]=128|l>>12&63,t[r++]=128|l>>6&63,t[r++]=128|l&63,i++}}return t[r]=0,r-n},stringToUTF8=(e,t,r)=>stringToUTF8Array(e,HEAPU8,t,r),stringToUTF8OnStack=e=>{var t=lengthBytesUTF8(e)+1,r=stackAlloc(t);return stringToUTF8(e,r,t),r},initRandomFill=()=>{if(ENVIRONMENT_IS_NODE){var e=require("node:crypto");return t=>(e.randomFillSync(t),0)}return t=>(crypto.getRandomValues(t),0)},randomFill=e=>(randomFill=initRandomFill())(e),PATH_FS={resolve:(...e)=>{for(var t="",r=!1,_=e.length-1;_>=-1&&!r;_--){var n=_>=0?e[_]:FS.cwd();if(typeof n!="string")throw new TypeError("Arguments to path.resolve must be strings");if(!n)return"";t=n+"/"+t,r=PATH.isAbs(n)}return t=PATH.normalizeArray(t.split("/").filter(a=>!!a),!r).join("/"),(r?"/":"")+t||"."},relative:(e,t)=>{e=PATH_FS.resolve(e).slice(1),t=PATH_FS.resolve(t).slice(1);function r(s){for(var c=0;c<s.length&&s[c]==="";c++);for(var p=s.length-1;p>=0&&s[p]==="";p--);return c>p?[]:s.slice(c,p-c+1)}for(var _=r(e.split("/")),n=r(t.split("/")),a=Math.min(_.length,n.length),i=a,l=0;l<a;l++)if(_[l]!==n[l]){i=l;break}var o=[];for(l=i;l<_.length;l++)o.push("..");return o=o.concat(n.slice(i)),o.join("/")}},FS_stdin_getChar_buffer=[],intArrayFromString=(e,t,r)=>{var _=r>0?r:lengthBytesUTF8(e)+1,n=new Array(_),a=stringToUTF8Array(e,n,0,n.length);return t&&(n.length=a),n},FS_stdin_getChar=()=>{if(!FS_stdin_getChar_buffer.length){var e=null;if(ENVIRONMENT_IS_NODE){var t=Buffer.alloc(256),r=0;try{r=fs.readSync(process.stdin.fd,t,0,256)}catch(_){if(_.toString().includes("EOF"))r=0;else throw _}r>0&&(e=t.toString("utf-8",0,r))}else globalThis.window?.prompt&&(e=window.prompt("Input: "),e!==null&&(e+=`
`));if(!e)return null;FS_stdin_getChar_buffer=intArrayFromString(e,!0)}return FS_stdin_getChar_buffer.shift()},TTY={ttys:[],init(){},shutdown(){},register(e,t){TTY.ttys[e]={input:[],output:[],ops:t},FS.registerDevice(e,TTY.stream_ops)},stream_ops:{open(e){var t=TTY.ttys[e.node.rdev];if(!t)throw new FS.ErrnoError(43);e.tty=t,e.seekable=!1},close(e){e.tty.ops.fsync(e.tty)},fsync(e){e.tty.ops.fsync(e.tty)},read(e,t,r,_,n){if(!e.tty||!e.tty.ops.get_char)throw new FS.ErrnoError(60);for(var a=0,i=0;i<_;i++){var l;try{l=e.tty.ops.get_char(e.tty)}catch{throw new FS.ErrnoError(29)}if(l===void 0&&!a)throw new FS.ErrnoError(6);if(l==null||(a++,t[r+i]=l,l===10))break}return a&&(e.node.atime=Date.now()),a},write(e,t,r,_,n){if(!e.tty||!e.tty.ops.put_char)throw new FS.ErrnoError(60);try{for(var a=0;a<_;a++)e.tty.ops.put_char(e.tty,t[r+a])}catch{throw new FS.ErrnoError(29)}return _&&(e.node.mtime=e.node.ctime=Date.now()),a}},default_tty_ops:{get_char(e){return FS_stdin_getChar()},put_char(e,t){t===null||t===10?(out(UTF8ArrayToString(e.output)),e.output=[]):t!=0&&e.output.push(t)},fsync(e){e.output?.length>0&&(out(UTF8ArrayToString(e.output)),e.output=[])},ioctl_tcgets(e){return{c_iflag:25856,c_oflag:5,c_cflag:191,c_lflag:35387,c_cc:[3,28,127,21,4,0,1,0,17,19,26,0,18,15,23,22,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}},ioctl_tcsets(e,t,r){return 0},ioctl_tiocgwinsz(e){return[24,80]}},default_tty1_ops:{put_char(e,t){t===null||t===10?(err(UTF8ArrayToString(e.output)),e.output=[]):t!=0&&e.output.push(t)},fsync(e){e.output?.length>0&&(err(UTF8ArrayToString(e.output)),e.output=[])}}},zeroMemory=(e,t)=>HEAPU8.fill(0,e,e+t),mmapAlloc=e=>{e=alignMemory(e,65536);var t=_emscripten_builtin_memalign(65536,e);return t&&zeroMemory(t,e),t},MEMFS={ops_table:null,mount(e){return MEMFS.createNode(null,"/",16895,0)},createNode(e,t,r,_){if(FS.isBlkdev(r)||FS.isFIFO(r))throw new FS.ErrnoError(63);MEMFS.ops_table||(MEMFS.ops_table={dir:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,lookup:MEMFS.node_ops.lookup,mknod:MEMFS.node_ops.mknod,rename:MEMFS.node_ops.rename,unlink:MEMFS.node_ops.unlink,rmdir:MEMFS.node_ops.rmdir,readdir:MEMFS.node_ops.readdir,symlink:MEMFS.node_ops.symlink},stream:{llseek:MEMFS.stream_ops.llseek}},file:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:{llseek:MEMFS.stream_ops.llseek,read:MEMFS.stream_ops.read,write:MEMFS.stream_ops.write,mmap:MEMFS.stream_ops.mmap,msync:MEMFS.stream_ops.msync}},link:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr,readlink:MEMFS.node_ops.readlink},stream:{}},chrdev:{node:{getattr:MEMFS.node_ops.getattr,setattr:MEMFS.node_ops.setattr},stream:FS.chrdev_stream_ops}});var n=FS.createNode(e,t,r,_);return FS.isDir(n.mode)?(n.node_ops=MEMFS.ops_table.dir.node,n.stream_ops=MEMFS.ops_table.dir.stream,n.contents={}):FS.isFile(n.mode)?(n.node_ops=MEMFS.ops_table.file.node,n.stream_ops=MEMFS.ops_table.file.stream,n.usedBytes=0,n.contents=MEMFS.emptyFileContents??(MEMFS.emptyFileContents=new Uint8Array(0))):FS.isLink(n.mode)?(n.node_ops=MEMFS.ops_table.link.node,n.stream_ops=MEMFS.ops_table.link.stream):FS.isChrdev(n.mode)&&(n.node_ops=MEMFS.ops_table.chrdev.node,n.stream_ops=MEMFS.ops_table.chrdev.stream),n.atime=n.mtime=n.ctime=Date.now(),e&&(e.contents[t]=n,e.atime=e.mtime=e.ctime=n.atime),n},getFileDataAsTypedArray(e){return e.contents.subarray(0,e.usedBytes)},expandFileStorage(e,t){var r=e.contents.length;if(!(r>=t)){t=Math.max(t,r*(r<1048576?2:1.125)>>>0),r&&(t=Math.max(t,256));var _=MEMFS.getFileDataAsTypedArray(e);e.contents=new Uint8Array(t),e.contents.set(_)}},resizeFileStorage(e,t){if(e.usedBytes!=t){var r=e.contents;e.contents=new Uint8Array(t),e.contents.set(r.subarray(0,Math.min(t,e.usedBytes))),e.usedBytes=t}},node_ops:{getattr(e){var t={};return t.dev=FS.isChrdev(e.mode)?e.id:1,t.ino=e.id,t.mode=e.mode,t.nlink=1,t.uid=0,t.gid=0,t.rdev=e.rdev,FS.isDir(e.mode)?t.size=4096:FS.isFile(e.mode)?t.size=e.usedBytes:FS.isLink(e.mode)?t.size=e.link.length:t.size=0,t.atime=new Date(e.atime),t.mtime=new Date(e.mtime),t.ctime=new Date(e.ctime),t.blksize=4096,t.blocks=Math.ceil(t.size/t.blksize),t},setattr(e,t){for(let r of["mode","atime","mtime","ctime"])t[r]!=null&&(e[r]=t[r]);t.size!==void 0&&MEMFS.resizeFileStorage(e,t.size)},lookup(e,t){throw MEMFS.doesNotExistError||(MEMFS.doesNotExistError=new FS.ErrnoError(44),MEMFS.doesNotExistError.stack="<generic error, no stack>"),MEMFS.doesNotExistError},mknod(e,t,r,_){return MEMFS.createNode(e,t,r,_)},rename(e,t,r){var _;try{_=FS.lookupNode(t,r)}catch{}if(_&&FS.isDir(e.mode))for(var n in _.contents)throw new FS.ErrnoError(55);delete e.parent.contents[e.name],t.contents[r]=e,e.name=r,t.ctime=t.mtime=e.parent.ctime=e.parent.mtime=Date.now()},unlink(e,t){delete e.contents[t],e.ctime=e.mtime=Date.now()},rmdir(e,t){var r=FS.lookupNode(e,t);for(var _ in r.contents)throw new FS.ErrnoError(55);delete e.contents[t],e.ctime=e.mtime=Date.now()},readdir(e){return[".","..",...Object.keys(e.contents)]},symlink(e,t,r){var _=MEMFS.createNode(e,t,41471,0);return _.link=r,_},readlink(e){if(!FS.isLink(e.mode))throw new FS.ErrnoError(28);return e.link}},stream_ops:{read(e,t,r,_,n){var a=e.node.contents;if(n>=e.node.usedBytes)return 0;var i=Math.min(e.node.usedBytes-n,_);return t.set(a.subarray(n,n+i),r),i},write(e,t,r,_,n,a){if(t.buffer===HEAP8.buffer&&(a=!1),!_)return 0;var i=e.node;return i.mtime=i.ctime=Date.now(),a?(i.contents=t.subarray(r,r+_),i.usedBytes=_):!i.usedBytes&&!n?(i.contents=t.slice(r,r+_),i.usedBytes=_):(MEMFS.expandFileStorage(i,n+_),i.contents.set(t.subarray(r,r+_),n),i.usedBytes=Math.max(i.usedBytes,n+_)),_},llseek(e,t,r){var _=t;if(r===1?_+=e.position:r===2&&FS.isFile(e.node.mode)&&(_+=e.node.usedBytes),_<0)throw new FS.ErrnoError(28);return _},mmap(e,t,r,_,n){if(!FS.isFile(e.node.mode))throw new FS.ErrnoError(43);var a,i,l=e.node.contents;if(!(n&2)&&l.buffer===HEAP8.buffer)i=!1,a=l.byteOffset;else{if(i=!0,a=mmapAlloc(t),!a)throw new FS.ErrnoError(48);l&&((r>0||r+t<l.length)&&(l.subarray?l=l.subarray(r,r+t):l=Array.prototype.slice.call(l,r,r+t)),HEAP8.set(l,a))}return{ptr:a,allocated:i}},msync(e,t,r,_,n){return MEMFS.stream_ops.write(e,t,0,_,r,!1),0}}},FS_modeStringToFlags=e=>{if(typeof e!="string")return e;var t={r:0,"r+":2,w:577,"w+":578,a:1089,"a+":1090}[e];if(typeof t>"u")throw new Error(`Unknown file open mode: ${e}`);return t},FS_fileDataToTypedArray=e=>(typeof e=="string"&&(e=intArrayFromString(e,!0)),e.subarray||(e=new Uint8Array(e)),e),FS_getMode=(e,t)=>{var r=0;return e&&(r|=365),t&&(r|=146),r},IDBFS={dbs:{},indexedDB:()=>indexedDB,DB_VERSION:21,DB_STORE_NAME:"FILE_DATA",queuePersist:e=>{function t(){e.idbPersistState==="again"?r():(e.idbPersistState=0,IDBFS.onAutoPersistStateChanged?.(!1))}function r(){e.idbPersistState="idb",IDBFS.onAutoPersistStateChanged?.(!0),IDBFS.syncfs(e,!1,t)}e.idbPersistState?e.idbPersistState==="idb"&&(e.idbPersistState="again"):e.idbPersistState=setTimeout(r,0)},mount:e=>{var t=MEMFS.mount(e);if(e?.opts?.autoPersist){e.idbPersistState=0;var r=t.node_ops;t.node_ops={...t.node_ops},t.node_ops.mknod=(_,n,a,i)=>{var l=r.mknod(_,n,a,i);return l.node_ops=t.node_ops,l.idbfs_mount=t.mount,l.memfs_stream_ops=l.stream_ops,l.stream_ops={...l.stream_ops},l.stream_ops.write=(o,s,c,p,d,u)=>(o.node.isModified=!0,l.memfs_stream_ops.write(o,s,c,p,d,u)),l.stream_ops.close=o=>{var s=o.node;if(s.isModified&&(IDBFS.queuePersist(s.idbfs_mount),s.isModified=!1),s.memfs_stream_ops.close)return s.memfs_stream_ops.close(o)},IDBFS.queuePersist(t.mount),l},t.node_ops.rmdir=(..._)=>(IDBFS.queuePersist(t.mount),r.rmdir(..._)),t.node_ops.symlink=(..._)=>(IDBFS.queuePersist(t.mount),r.symlink(..._)),t.node_ops.unlink=(..._)=>(IDBFS.queuePersist(t.mount),r.unlink(..._)),t.node_ops.rename=(..._)=>(IDBFS.queuePersist(t.mount),r.rename(..._))}return t},syncfs:(e,t,r)=>{IDBFS.getLocalSet(e,(_,n)=>{if(_)return r(_);IDBFS.getRemoteSet(e,(a,i)=>{if(a)return r(a);var l=t?i:n,o=t?n:i;IDBFS.reconcile(l,o,r)})})},quit:()=>{for(var e of Object.values(IDBFS.dbs))e.close();IDBFS.dbs={}},getDB:(e,t)=>{var r=IDBFS.dbs[e];if(r)return t(null,r);var _;try{_=IDBFS.indexedDB().open(e,IDBFS.DB_VERSION)}catch(n){return t(n)}if(!_)return t("Unable to connect to IndexedDB");_.onupgradeneeded=n=>{var a=n.target.result,i=n.target.transaction,l;a.objectStoreNames.contains(IDBFS.DB_STORE_NAME)?l=i.objectStore(IDBFS.DB_STORE_NAME):l=a.createObjectStore(IDBFS.DB_STORE_NAME),l.indexNames.contains("timestamp")||l.createIndex("timestamp","timestamp",{unique:!1})},_.onsuccess=()=>{r=_.result,IDBFS.dbs[e]=r,t(null,r)},_.onerror=n=>{t(n.target.error),n.preventDefault()}},getLocalSet:(e,t)=>{var r={};function _(o){return o!=="."&&o!==".."}function n(o){return s=>PATH.join2(o,s)}for(var a=FS.readdir(e.mountpoint).filter(_).map(n(e.mountpoint));a.length;){var i=a.pop(),l;try{l=FS.lstat(i)}catch(o){return t(o)}FS.isDir(l.mode)&&a.push(...FS.readdir(i).filter(_).map(n(i))),r[i]={timestamp:l.mtime}}return t(null,{type:"local",entries:r})},getRemoteSet:(e,t)=>{var r={};IDBFS.getDB(e.mountpoint,(_,n)=>{if(_)return t(_);try{var a=n.transaction([IDBFS.DB_STORE_NAME],"readonly");a.onerror=o=>{t(o.target.error),o.preventDefault()};var i=a.objectStore(IDBFS.DB_STORE_NAME),l=i.index("timestamp");l.openKeyCursor().onsuccess=o=>{var s=o.target.result;if(!s)return t(null,{type:"remote",db:n,entries:r});r[s.primaryKey]={timestamp:s.key},s.continue()}}catch(o){return t(o)}})},loadLocalEntry:(e,t)=>{var r,_;try{var n=FS.lookupPath(e);_=n.node,r=FS.lstat(e)}catch(a){return t(a)}return FS.isDir(r.mode)?t(null,{timestamp:r.mtime,mode:r.mode}):FS.isLink(r.mode)?t(null,{timestamp:r.mtime,mode:r.mode,link:_.link}):FS.isFile(r.mode)?(_.contents=MEMFS.getFileDataAsTypedArray(_),t(null,{timestamp:r.mtime,mode:r.mode,contents:_.contents})):t(new Error("node type not supported"))},storeLocalEntry:(e,t,r)=>{try{if(FS.isDir(t.mode))FS.mkdirTree(e,t.mode);else if(FS.isLink(t.mode))FS.symlink(t.link,e);else if(FS.isFile(t.mode))FS.writeFile(e,t.contents,{canOwn:!0});else return r(new Error("node type not supported"));FS.chmod(e,t.mode),FS.utime(e,t.timestamp,t.timestamp)}catch(_){return r(_)}r(null)},removeLocalEntry:(e,t)=>{try{var r=FS.lstat(e);FS.isDir(r.mode)?FS.rmdir(e):FS.unlink(e)}catch(_){return t(_)}t(null)},loadRemoteEntry:(e,t,r)=>{var _=e.get(t);_.onsuccess=n=>r(null,n.target.result),_.onerror=n=>{r(n.target.error),n.preventDefault()}},storeRemoteEntry:(e,t,r,_)=>{try{var n=e.put(r,t)}catch(a){_(a);return}n.onsuccess=()=>_(),n.onerror=a=>{_(a.target.error),a.preventDefault()}},removeRemoteEntry:(e,t,r)=>{var _=e.delete(t);_.onsuccess=()=>r(),_.onerror=n=>{r(n.target.error),n.preventDefault()}},reconcile:(e,t,r)=>{var _=0,n=[];for(var[a,i]of Object.entries(e.entries)){var l=t.entries[a];(!l||i.timestamp.getTime()!=l.timestamp.getTime())&&(n.push(a),_++)}var o=[];for(var a of Object.keys(t.entries))e.entries[a]||(o.push(a),_++);if(!_)return r(null);var s=!1,c=e.type==="remote"?e.db:t.db,p=c.transaction([IDBFS.DB_STORE_NAME],"readwrite"),d=p.objectStore(IDBFS.DB_STORE_NAME);function u(m){if(m&&!s)return s=!0,r(m)}p.onerror=p.onabort=m=>{u(m.target.error),m.preventDefault()},p.oncomplete=()=>{s||r(null)};for(let m of n.sort())t.type==="local"?IDBFS.loadRemoteEntry(d,m,(y,b)=>{if(y)return u(y);IDBFS.storeLocalEntry(m,b,u)}):IDBFS.loadLocalEntry(m,(y,b)=>{if(y)return u(y);IDBFS.storeRemoteEntry(d,m,b,u)});for(var f of o.sort().reverse())t.type==="local"?IDBFS.removeLocalEntry(f,u):IDBFS.removeRemoteEntry(d,f,u)}},ERRNO_CODES={EPERM:63,ENOENT:44,ESRCH:71,EINTR:27,EIO:29,ENXIO:60,E2BIG:1,ENOEXEC:45,EBADF:8,ECHILD:12,EAGAIN:6,EWOULDBLOCK:6,ENOMEM:48,EACCES:2,EFAULT:21,ENOTBLK:105,EBUSY:10,EEXIST:20,EXDEV:75,ENODEV:43,ENOTDIR:54,EISDIR:31,EINVAL:28,ENFILE:41,EMFILE:33,ENOTTY:59,ETXTBSY:74,EFBIG:22,ENOSPC:51,ESPIPE:70,EROFS:69,EMLINK:34,EPIPE:64,EDOM:18,ERANGE:68,ENOMSG:49,EIDRM:24,ECHRNG:106,EL2NSYNC:156,EL3HLT:107,EL3RST:108,ELNRNG:109,EUNATCH:110,ENOCSI:111,EL2HLT:112,EDEADLK:16,ENOLCK:46,EBADE:113,EBADR:114,EXFULL:115,ENOANO:104,EBADRQC:103,EBADSLT:102,EDEADLOCK:16,EBFONT:101,ENOSTR:100,ENODATA:116,ETIME:117,ENOSR:118,ENONET:119,ENOPKG:120,EREMOTE:121,ENOLINK:47,EADV:122,ESRMNT:123,ECOMM:124,EPROTO:65,EMULTIHOP:36,EDOTDOT:125,EBADMSG:9,ENOTUNIQ:126,EBADFD:127,EREMCHG:128,ELIBACC:129,ELIBBAD:130,ELIBSCN:131,ELIBMAX:132,ELIBEXEC:133,ENOSYS:52,ENOTEMPTY:55,ENAMETOOLONG:37,ELOOP:32,EOPNOTSUPP:138,EPFNOSUPPORT:139,ECONNRESET:15,ENOBUFS:42,EAFNOSUPPORT:5,EPROTOTYPE:67,ENOTSOCK:57,ENOPROTOOPT:50,ESHUTDOWN:140,ECONNREFUSED:14,EADDRINUSE:3,ECONNABORTED:13,ENETUNREACH:40,ENETDOWN:38,ETIMEDOUT:73,EHOSTDOWN:142,EHOSTUNREACH:23,EINPROGRESS:26,EALREADY:7,EDESTADDRREQ:17,EMSGSIZE:35,EPROTONOSUPPORT:66,ESOCKTNOSUPPORT:137,EADDRNOTAVAIL:4,ENETRESET:39,EISCONN:30,ENOTCONN:53,ETOOMANYREFS:141,EUSERS:136,EDQUOT:19,ESTALE:72,ENOTSUP:138,ENOMEDIUM:148,EILSEQ:25,EOVERFLOW:61,ECANCELED:11,ENOTRECOVERABLE:56,EOWNERDEAD:62,ESTRPIPE:135},NODEFS={isWindows:!1,staticInit(){NODEFS.isWindows=!!process.platform.match(/^win/);var e={fs:require("fs").constants}.fs;NODEFS.flagsForNodeMap={1024:e.O_APPEND,64:e.O_CREAT,128:e.O_EXCL,256:e.O_NOCTTY,0:e.O_RDONLY,2:e.O_RDWR,4096:e.O_SYNC,512:e.O_TRUNC,1:e.O_WRONLY,131072:e.O_NOFOLLOW}},convertNodeCode(e){var t=e.code;return ERRNO_CODES[t]},tryFSOperation(e){try{return e()}catch(t){throw t.code?t.code==="UNKNOWN"?new FS.ErrnoError(28):new FS.ErrnoError(NODEFS.convertNodeCode(t)):t}},mount(e){return NODEFS.createNode(null,"/",NODEFS.getMode(e.opts.root),0)},createNode(e,t,r,_){if(!FS.isDir(r)&&!FS.isFile(r)&&!FS.isLink(r))throw new FS.ErrnoError(28);var n=FS.createNode(e,t,r);return n.node_ops=NODEFS.node_ops,n.stream_ops=NODEFS.stream_ops,n},getMode(e){return NODEFS.tryFSOperation(()=>{var t=fs.lstatSync(e).mode;return NODEFS.isWindows&&(t|=(t&292)>>2),t})},realPath(e){for(var t=[];e.parent!==e;)t.push(e.name),e=e.parent;return t.push(e.mount.opts.root),t.reverse(),PATH.join(...t)},flagsForNode(e){e&=-2097153,e&=-2049,e&=-32769,e&=-524289,e&=-65537;var t=0;for(var r in NODEFS.flagsForNodeMap)e&r&&(t|=NODEFS.flagsForNodeMap[r],e^=r);if(e)throw new FS.ErrnoError(28);return t},doGetAttr(e,t){var r=NODEFS.tryFSOperation(e);return NODEFS.isWindows&&(r.blksize||(r.blksize=4096),r.blocks||(r.blocks=(r.size+r.blksize-1)/r.blksize|0),r.mode|=(r.mode&292)>>2),{dev:r.dev,ino:t.id,mode:r.mode,nlink:r.nlink,uid:r.uid,gid:r.gid,rdev:r.rdev,size:r.size,atime:r.atime,mtime:r.mtime,ctime:r.ctime,blksize:r.blksize,blocks:r.blocks}},doSetAttr(e,t,r,_,n,a,i){NODEFS.tryFSOperation(()=>{if(r.mode!==void 0){var l=r.mode;NODEFS.isWindows&&(l&=384),_(e,l),t.mode=r.mode}if(typeof(r.atime??r.mtime)=="number"){var o=r.atime,s=r.mtime;if(o==null||s==null){var c=i(e);o??(o=c.atimeMs),s??(s=c.mtimeMs)}n(e,o/1e3,s/1e3)}r.size!==void 0&&a(e,r.size)})},node_ops:{getattr(e){var t=NODEFS.realPath(e);return NODEFS.doGetAttr(()=>fs.lstatSync(t),e)},setattr(e,t){var r=NODEFS.realPath(e);if(t.mode!=null&&t.dontFollow)throw new FS.ErrnoError(52);var _=t.dontFollow?fs.lutimesSync:fs.utimesSync;NODEFS.doSetAttr(r,e,t,fs.chmodSync,_,fs.truncateSync,fs.lstatSync)},lookup(e,t){var r=PATH.join2(NODEFS.realPath(e),t),_=NODEFS.getMode(r);return NODEFS.createNode(e,t,_)},mknod(e,t,r,_){var n=NODEFS.createNode(e,t,r,_),a=NODEFS.realPath(n);return NODEFS.tryFSOperation(()=>{FS.isDir(n.mode)?fs.mkdirSync(a,n.mode):fs.writeFileSync(a,"",{mode:n.mode})}),n},rename(e,t,r){var _=NODEFS.realPath(e),n=PATH.join2(NODEFS.realPath(t),r);NODEFS.tryFSOperation(()=>fs.renameSync(_,n)),e.name=r},unlink(e,t){var r=PATH.join2(NODEFS.realPath(e),t);NODEFS.tryFSOperation(()=>fs.unlinkSync(r))},rmdir(e,t){var r=PATH.join2(NODEFS.realPath(e),t);NODEFS.tryFSOperation(()=>fs.rmdirSync(r))},readdir(e){var t=NODEFS.realPath(e);return NODEFS.tryFSOperation(()=>fs.readdirSync(t))},symlink(e,t,r){var _=PATH.join2(NODEFS.realPath(e),t);NODEFS.tryFSOperation(()=>fs.symlinkSync(r,_))},readlink(e){var t=NODEFS.realPath(e);return NODEFS.tryFSOperation(()=>fs.readlinkSync(t))},statfs(e){var t=NODEFS.tryFSOperation(()=>fs.statfsSync(e));return t.frsize=t.bsize,t}},stream_ops:{getattr(e){return NODEFS.doGetAttr(()=>fs.fstatSync(e.nfd),e.node)},setattr(e,t){NODEFS.doSetAttr(e.nfd,e.node,t,fs.fchmodSync,fs.futimesSync,fs.ftruncateSync,fs.fstatSync)},open(e){var t=NODEFS.realPath(e.node);NODEFS.tryFSOperation(()=>{e.shared.refcount=1,e.nfd=fs.openSync(t,NODEFS.flagsForNode(e.flags))})},close(e){NODEFS.tryFSOperation(()=>{e.nfd&&!--e.shared.refcount&&fs.closeSync(e.nfd)})},dup(e){e.shared.refcount++},read(e,t,r,_,n){return NODEFS.tryFSOperation(()=>fs.readSync(e.nfd,t,r,_,n))},write(e,t,r,_,n){return NODEFS.tryFSOperation(()=>fs.writeSync(e.nfd,t,r,_,n))},llseek(e,t,r){var _=t;if(r===1?_+=e.position:r===2&&FS.isFile(e.node.mode)&&NODEFS.tryFSOperation(()=>{var n=fs.fstatSync(e.nfd);_+=n.size}),_<0)throw new FS.ErrnoError(28);return _},mmap(e,t,r,_,n){if(!FS.isFile(e.node.mode))throw new FS.ErrnoError(43);var a=mmapAlloc(t);return NODEFS.stream_ops.read(e,HEAP8,a,t,r),{ptr:a,allocated:!0}},msync(e,t,r,_,n){return NODEFS.stream_ops.write(e,t,0,_,r),0}}},PROXYFS={mount(e){return PROXYFS.createNode(null,"/",e.opts.fs.lstat(e.opts.root).mode,0)},createNode(e,t,r,_){if(!FS.isDir(r)&&!FS.isFile(r)&&!FS.isLink(r))throw new FS.ErrnoError(ERRNO_CODES.EINVAL);var n=FS.createNode(e,t,r);return n.node_ops=PROXYFS.node_ops,n.stream_ops=PROXYFS.stream_ops,n},realPath(e){for(var t=[];e.parent!==e;)t.push(e.name),e=e.parent;return t.push(e.mount.opts.root),t.reverse(),PATH.join(...t)},node_ops:{getattr(e){var t=PROXYFS.realPath(e),r;try{r=e.mount.opts.fs.lstat(t)}catch(_){throw _.code?new FS.ErrnoError(ERRNO_CODES[_.code]):_}return{dev:r.dev,ino:r.ino,mode:r.mode,nlink:r.nlink,uid:r.uid,gid:r.gid,rdev:r.rdev,size:r.size,atime:r.atime,mtime:r.mtime,ctime:r.ctime,blksize:r.blksize,blocks:r.blocks}},setattr(e,t){var r=PROXYFS.realPath(e);try{if(t.mode!==void 0&&(e.mount.opts.fs.chmod(r,t.mode),e.mode=t.mode),t.atime||t.mtime){var _=new Date(t.atime||t.mtime),n=new Date(t.mtime||t.atime);e.mount.opts.fs.utime(r,_,n)}t.size!==void 0&&e.mount.opts.fs.truncate(r,t.size)}catch(a){throw a.code?new FS.ErrnoError(ERRNO_CODES[a.code]):a}},lookup(e,t){try{var r=PATH.join2(PROXYFS.realPath(e),t),_=e.mount.opts.fs.lstat(r).mode,n=PROXYFS.createNode(e,t,_);return n}catch(a){throw a.code?new FS.ErrnoError(ERRNO_CODES[a.code]):a}},mknod(e,t,r,_){var n=PROXYFS.createNode(e,t,r,_),a=PROXYFS.realPath(n);try{FS.isDir(n.mode)?n.mount.opts.fs.mkdir(a,n.mode):n.mount.opts.fs.writeFile(a,"",{mode:n.mode})}catch(i){throw i.code?new FS.ErrnoError(ERRNO_CODES[i.code]):i}return n},rename(e,t,r){var _=PROXYFS.realPath(e),n=PATH.join2(PROXYFS.realPath(t),r);try{e.mount.opts.fs.rename(_,n),e.name=r}catch(a){throw a.code?new FS.ErrnoError(ERRNO_CODES[a.code]):a}},unlink(e,t){var r=PATH.join2(PROXYFS.realPath(e),t);try{e.mount.opts.fs.unlink(r)}catch(_){throw _.code?new FS.ErrnoError(ERRNO_CODES[_.code]):_}},rmdir(e,t){var r=PATH.join2(PROXYFS.realPath(e),t);try{e.mount.opts.fs.rmdir(r)}catch(_){throw _.code?new FS.ErrnoError(ERRNO_CODES[_.code]):_}},readdir(e){var t=PROXYFS.realPath(e);try{return e.mount.opts.fs.readdir(t)}catch(r){throw r.code?new FS.ErrnoError(ERRNO_CODES[r.code]):r}},symlink(e,t,r){var _=PATH.join2(PROXYFS.realPath(e),t);try{e.mount.opts.fs.symlink(r,_)}catch(n){throw n.code?new FS.ErrnoError(ERRNO_CODES[n.code]):n}},readlink(e){var t=PROXYFS.realPath(e);try{return e.mount.opts.fs.readlink(t)}catch(r){throw r.code?new FS.ErrnoError(ERRNO_CODES[r.code]):r}}},stream_ops:{open(e){var t=PROXYFS.realPath(e.node);try{e.nfd=e.node.mount.opts.fs.open(t,e.flags)}catch(r){throw r.code?new FS.ErrnoError(ERRNO_CODES[r.code]):r}},close(e){try{e.node.mount.opts.fs.close(e.nfd)}catch(t){throw t.code?new FS.ErrnoError(ERRNO_CODES[t.code]):t}},read(e,t,r,_,n){try{return e.node.mount.opts.fs.read(e.nfd,t,r,_,n)}catch(a){throw a.code?new FS.ErrnoError(ERRNO_CODES[a.code]):a}},write(e,t,r,_,n){try{return e.node.mount.opts.fs.write(e.nfd,t,r,_,n)}catch(a){throw a.code?new FS.ErrnoError(ERRNO_CODES[a.code]):a}},llseek(e,t,r){var _=t;if(r===1)_+=e.position;else if(r===2&&FS.isFile(e.node.mode))try{var n=e.node.node_ops.getattr(e.node);_+=n.size}catch(a){throw new FS.ErrnoError(ERRNO_CODES[a.code])}if(_<0)throw new FS.ErrnoError(ERRNO_CODES.EINVAL);return _}}},FS_createDataFile=(...e)=>FS.createDataFile(...e),getUniqueRunDependency=e=>e,dependenciesPromise=null,resolveRunDependencies=async()=>dependenciesPromise,runDependencies=0,dependenciesPromiseResolve=null,removeRunDependency=()=>{runDependencies--,Module.monitorRunDependencies?.(runDependencies),runDependencies||dependenciesPromiseResolve()},addRunDependency=()=>{runDependencies||(dependenciesPromise=new Promise(e=>dependenciesPromiseResolve=e)),runDependencies++,Module.monitorRunDependencies?.(runDependencies)},FS_handledByPreloadPlugin=async(e,t)=>{typeof Browser<"u"&&Browser.init();for(var r of preloadPlugins)if(r.canHandle(t))return r.handle(e,t);return e},FS_preloadFile=async(e,t,r,_,n,a,i,l)=>{var o=t?PATH_FS.resolve(PATH.join2(e,t)):e,s=getUniqueRunDependency(`cp ${o}`);addRunDependency(s);try{var c=r;typeof r=="string"&&(c=await asyncLoad(r)),c=await FS_handledByPreloadPlugin(c,o),l?.(),a||FS_createDataFile(e,t,c,_,n,i)}finally{removeRunDependency(s)}},FS_createPreloadedFile=(e,t,r,_,n,a,i,l,o,s)=>{FS_preloadFile(e,t,r,_,n,l,o,s).then(a).catch(i)},FS={root:null,mounts:[],devices:{},streams:[],nextInode:1,nameTable:[],currentPath:"/",initialized:!1,ignorePermissions:!0,syncFSRequests:0,ErrnoError:class{constructor(e){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.d)(this,"name","ErrnoError");this.errno=e}},FSStream:class{constructor(){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.d)(this,"shared",{})}get object(){return this.node}set object(e){this.node=e}get isRead(){return(this.flags&2097155)!==1}get isWrite(){return(this.flags&2097155)!==0}get isAppend(){return this.flags&1024}get flags(){return this.shared.flags}set flags(e){this.shared.flags=e}get position(){return this.shared.position}set position(e){this.shared.position=e}},FSNode:class{constructor(e,t,r,_){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.d)(this,"node_ops",{});(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.d)(this,"stream_ops",{});(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.d)(this,"readMode",365);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.d)(this,"writeMode",146);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.d)(this,"mounted",null);e||(e=this),this.parent=e,this.mount=e.mount,this.id=FS.nextInode++,this.name=t,this.mode=r,this.rdev=_,this.atime=this.mtime=this.ctime=Date.now()}get read(){return(this.mode&this.readMode)===this.readMode}set read(e){e?this.mode|=this.readMode:this.mode&=~this.readMode}get write(){return(this.mode&this.writeMode)===this.writeMode}set write(e){e?this.mode|=this.writeMode:this.mode&=~this.writeMode}get isFolder(){return FS.isDir(this.mode)}get isDevice(){return FS.isChrdev(this.mode)}addListener(e,t=!1){var r={cb:e,exclusive:t},_=this.listeners??(this.listeners=new Set);return _.add(r),{listeners:_,entry:r}}notifyListeners(e){if(this.listeners){var t;for(var r of this.listeners)r.exclusive?(t||(t=[])).push(r):r.cb(e);if(t){var _=(this.exclTurn||0)%t.length;this.exclTurn=_+1,t[_].cb(e)}}}},lookupPath(e,t={}){if(!e)throw new FS.ErrnoError(44);t.follow_mount??(t.follow_mount=!0),PATH.isAbs(e)||(e=FS.cwd()+"/"+e);e:for(var r=0;r<40;r++){for(var _=e.split("/").filter(s=>!!s),n=FS.root,a="/",i=0;i<_.length;i++){var l=i===_.length-1;if(l&&t.parent)break;if(_[i]!=="."){if(_[i]===".."){if(a=PATH.dirname(a),FS.isRoot(n)){e=a+"/"+_.slice(i+1).join("/"),r--;continue e}else n=n.parent;continue}a=PATH.join2(a,_[i]);try{n=FS.lookupNode(n,_[i])}catch(s){if(s?.errno===44&&l&&t.noent_okay)return{path:a};throw s}if(FS.isMountpoint(n)&&(!l||t.follow_mount)&&(n=n.mounted.root),FS.isLink(n.mode)&&(!l||t.follow)){if(!n.node_ops.readlink)throw new FS.ErrnoError(52);var o=n.node_ops.readlink(n);PATH.isAbs(o)||(o=PATH.dirname(a)+"/"+o),e=o+"/"+_.slice(i+1).join("/");continue e}}}return{path:a,node:n}}throw new FS.ErrnoError(32)},getPath(e){for(var t;;){if(FS.isRoot(e)){var r=e.mount.mountpoint;return t?r[r.length-1]!=="/"?`${r}/${t}`:r+t:r}t=t?`${e.name}/${t}`:e.name,e=e.parent}},hashName(e,t){for(var r=0,_=0;_<t.length;_++)r=(r<<5)-r+t.charCodeAt(_)|0;return(e+r>>>0)%FS.nameTable.length},hashAddNode(e){var t=FS.hashName(e.parent.id,e.name);e.name_next=FS.nameTable[t],FS.nameTable[t]=e},hashRemoveNode(e){var t=FS.hashName(e.parent.id,e.name);if(FS.nameTable[t]===e)FS.nameTable[t]=e.name_next;else for(var r=FS.nameTable[t];r;){if(r.name_next===e){r.name_next=e.name_next;break}r=r.name_next}},lookupNode(e,t){var r=FS.mayLookup(e);if(r)throw new FS.ErrnoError(r);for(var _=FS.hashName(e.id,t),n=FS.nameTable[_];n;n=n.name_next){var a=n.name;if(n.parent.id===e.id&&a===t)return n}return FS.lookup(e,t)},createNode(e,t,r,_){var n=new FS.FSNode(e,t,r,_);return FS.hashAddNode(n),n},destroyNode(e){FS.hashRemoveNode(e)},isRoot(e){return e===e.parent},isMountpoint(e){return!!e.mounted},isFile(e){return(e&61440)===32768},isDir(e){return(e&61440)===16384},isLink(e){return(e&61440)===40960},isChrdev(e){return(e&61440)===8192},isBlkdev(e){return(e&61440)===24576},isFIFO(e){return(e&61440)===4096},isSocket(e){return(e&49152)===49152},flagsToPermissionString(e){var t=["r","w","rw"][e&3];return e&512&&(t+="w"),t},nodePermissions(e,t){return FS.ignorePermissions?0:t.includes("r")&&!(e.mode&292)||t.includes("w")&&!(e.mode&146)||t.includes("x")&&!(e.mode&73)?2:0},mayLookup(e){if(!FS.isDir(e.mode))return 54;var t=FS.nodePermissions(e,"x");return t||(e.node_ops.lookup?0:2)},mayCreate(e,t){if(!FS.isDir(e.mode))return 54;try{return FS.lookupNode(e,t),20}catch{}return FS.nodePermissions(e,"wx")},mayDelete(e,t,r){var _;try{_=FS.lookupNode(e,t)}catch(a){return a.errno}var n=FS.nodePermissions(e,"wx");if(n)return n;if(r){if(!FS.isDir(_.mode))return 54;if(FS.isRoot(_)||FS.getPath(_)===FS.cwd())return 10}else if(FS.isDir(_.mode))return 31;return 0},mayOpen(e,t){if(!e)return 44;if(FS.isLink(e.mode))return 32;var r=FS.flagsToPermissionString(t);return FS.isDir(e.mode)&&(r!=="r"||t&576)?31:FS.nodePermissions(e,r)},checkOpExists(e,t){if(!e)throw new FS.ErrnoError(t);return e},MAX_OPEN_FDS:4096,nextfd(){for(var e=0;e<=FS.MAX_OPEN_FDS;e++)if(!FS.streams[e])return e;throw new FS.ErrnoError(33)},getStreamChecked(e){var t=FS.getStream(e);if(!t)throw new FS.ErrnoError(8);return t},getStream:e=>FS.streams[e],createStream(e,t=-1){return e=Object.assign(new FS.FSStream,e),t==-1&&(t=FS.nextfd()),e.fd=t,FS.streams[t]=e,e},closeStream(e){FS.streams[e]=null},dupStream(e,t=-1){var r=FS.createStream(e,t);return r.stream_ops?.dup?.(r),r},doSetAttr(e,t,r){var _=e?.stream_ops.setattr,n=_?e:t;_??(_=t.node_ops.setattr),FS.checkOpExists(_,63);try{_(n,r)}catch(a){throw a instanceof RangeError?new FS.ErrnoError(22):a}},chrdev_stream_ops:{open(e){var t=FS.getDevice(e.node.rdev);e.stream_ops=t.stream_ops,e.stream_ops.open?.(e)},llseek(){throw new FS.ErrnoError(70)}},major:e=>e>>8,minor:e=>e&255,makedev:(e,t)=>e<<8|t,registerDevice(e,t){FS.devices[e]={stream_ops:t}},getDevice:e=>FS.devices[e],getMounts(e){for(var t=[],r=[e];r.length;){var _=r.pop();t.push(_),r.push(..._.mounts)}return t},syncfs(e,t){typeof e=="function"&&(t=e,e=!1),FS.syncFSRequests++,FS.syncFSRequests>1&&err(`warning: ${FS.syncFSRequests} FS.syncfs operations in flight at once, probably just doing extra work`);var r=FS.getMounts(FS.root.mount),_=0;function n(l){return FS.syncFSRequests--,t(l)}function a(l){if(l)return a.errored?void 0:(a.errored=!0,n(l));++_>=r.length&&n(null)}for(var i of r)i.type.syncfs?i.type.syncfs(i,e,a):a(null)},mount(e,t,r){var _=r==="/",n=!r,a;if(_&&FS.root)throw new FS.ErrnoError(10);if(!_&&!n){var i=FS.lookupPath(r,{follow_mount:!1});if(r=i.path,a=i.node,FS.isMountpoint(a))throw new FS.ErrnoError(10);if(!FS.isDir(a.mode))throw new FS.ErrnoError(54)}var l={type:e,opts:t,mountpoint:r,mounts:[]},o=e.mount(l);return o.mount=l,l.root=o,_?FS.root=o:a&&(a.mounted=l,a.mount&&a.mount.mounts.push(l)),o},unmount(e){var t=FS.lookupPath(e,{follow_mount:!1});if(!FS.isMountpoint(t.node))throw new FS.ErrnoError(28);var r=t.node,_=r.mounted,n=FS.getMounts(_);for(var[a,i]of Object.entries(FS.nameTable))for(;i;){var l=i.name_next;n.includes(i.mount)&&FS.destroyNode(i),i=l}r.mounted=null;var o=r.mount.mounts.indexOf(_);r.mount.mounts.splice(o,1)},lookup(e,t){return e.node_ops.lookup(e,t)},mknod(e,t,r){var _=FS.lookupPath(e,{parent:!0}),n=_.node,a=PATH.basename(e);if(!a)throw new FS.ErrnoError(28);if(a==="."||a==="..")throw new FS.ErrnoError(20);var i=FS.mayCreate(n,a);if(i)throw new FS.ErrnoError(i);if(!n.node_ops.mknod)throw new FS.ErrnoError(63);return n.node_ops.mknod(n,a,t,r)},statfs(e){return FS.statfsNode(FS.lookupPath(e,{follow:!0}).node)},statfsStream(e){return FS.statfsNode(e.node)},statfsNode(e){var t={bsize:4096,frsize:4096,blocks:1e6,bfree:5e5,bavail:5e5,files:FS.nextInode,ffree:FS.nextInode-1,fsid:42,flags:2,namelen:255};return e.node_ops.statfs&&Object.assign(t,e.node_ops.statfs(e.mount.opts.root)),t},create(e,t=438){return t&=4095,t|=32768,FS.mknod(e,t,0)},mkdir(e,t=511){return t&=1023,t|=16384,FS.mknod(e,t,0)},mkdirTree(e,t=511){var r=e.split("/"),_="";for(var n of r)if(n){(_||PATH.isAbs(e))&&(_+="/"),_+=n;try{FS.mkdir(_,t)}catch(a){if(a.errno!=20)throw a}}},mkdev(e,t,r){return typeof r>"u"&&(r=t,t=438),t|=8192,FS.mknod(e,t,r)},symlink(e,t){if(!PATH_FS.resolve(e))throw new FS.ErrnoError(44);var r=FS.lookupPath(t,{parent:!0}),_=r.node;if(!_)throw new FS.ErrnoError(44);var n=PATH.basename(t),a=FS.mayCreate(_,n);if(a)throw new FS.ErrnoError(a);if(!_.node_ops.symlink)throw new FS.ErrnoError(63);return _.node_ops.symlink(_,n,e)},link(e,t,r){var _=FS.lookupPath(t,{parent:!0}),n=_.node;if(!n)throw new FS.ErrnoError(44);var a=PATH.basename(t),i=FS.mayCreate(n,a);if(i)throw new FS.ErrnoError(i);if(!n.node_ops.link)throw new FS.ErrnoError(34);return n.node_ops.link(n,a,e,r)},rename(e,t){var r=PATH.dirname(e),_=PATH.dirname(t),n=PATH.basename(e),a=PATH.basename(t),i,l,o;if(i=FS.lookupPath(e,{parent:!0}),l=i.node,i=FS.lookupPath(t,{parent:!0}),o=i.node,!l||!o)throw new FS.ErrnoError(44);if(l.mount!==o.mount)throw new FS.ErrnoError(75);var s=FS.lookupNode(l,n),c=PATH_FS.relative(e,_);if(c.charAt(0)!==".")throw new FS.ErrnoError(28);if(c=PATH_FS.relative(t,r),c.charAt(0)!==".")throw new FS.ErrnoError(55);var p;try{p=FS.lookupNode(o,a)}catch{}if(s!==p){var d=FS.isDir(s.mode),u=FS.mayDelete(l,n,d);if(u)throw new FS.ErrnoError(u);if(u=p?FS.mayDelete(o,a,d):FS.mayCreate(o,a),u)throw new FS.ErrnoError(u);if(!l.node_ops.rename)throw new FS.ErrnoError(63);if(FS.isMountpoint(s)||p&&FS.isMountpoint(p))throw new FS.ErrnoError(10);if(o!==l&&(u=FS.nodePermissions(l,"w"),u))throw new FS.ErrnoError(u);FS.hashRemoveNode(s);try{l.node_ops.rename(s,o,a),p&&FS.hashRemoveNode(p),s.parent=o}catch(f){throw f}finally{FS.hashAddNode(s)}}},rmdir(e){var t=FS.lookupPath(e,{parent:!0}),r=t.node,_=PATH.basename(e),n=FS.lookupNode(r,_),a=FS.mayDelete(r,_,!0);if(a)throw new FS.ErrnoError(a);if(!r.node_ops.rmdir)throw new FS.ErrnoError(63);if(FS.isMountpoint(n))throw new FS.ErrnoError(10);r.node_ops.rmdir(r,_),FS.destroyNode(n)},readdir(e){var t=FS.lookupPath(e,{follow:!0}),r=t.node,_=FS.checkOpExists(r.node_ops.readdir,54);return _(r)},unlink(e){var t=FS.lookupPath(e,{parent:!0}),r=t.node;if(!r)throw new FS.ErrnoError(44);var _=PATH.basename(e),n=FS.lookupNode(r,_),a=FS.mayDelete(r,_,!1);if(a)throw new FS.ErrnoError(a);if(!r.node_ops.unlink)throw new FS.ErrnoError(63);if(FS.isMountpoint(n))throw new FS.ErrnoError(10);r.node_ops.unlink(r,_),FS.destroyNode(n)},readlink(e){var t=FS.lookupPath(e),r=t.node;if(!r)throw new FS.ErrnoError(44);if(!r.node_ops.readlink)throw new FS.ErrnoError(28);return r.node_ops.readlink(r)},stat(e,t=!1){var r=FS.lookupPath(e,{follow:!t}),_=r.node,n=FS.checkOpExists(_.node_ops.getattr,63);return n(_)},fstat(e){var t=FS.getStreamChecked(e),r=t.node,_=t.stream_ops.getattr,n=_?t:r;return _??(_=r.node_ops.getattr),FS.checkOpExists(_,63),_(n)},lstat(e){return FS.stat(e,!0)},doChmod(e,t,r,_=!1){FS.doSetAttr(e,t,{mode:r&4095|t.mode&-4096,ctime:Date.now(),dontFollow:_})},chmod(e,t,r=!1){var _;if(typeof e=="string"){var n=FS.lookupPath(e,{follow:!r});_=n.node}else _=e;FS.doChmod(null,_,t,r)},lchmod(e,t){FS.chmod(e,t,!0)},fchmod(e,t){var r=FS.getStreamChecked(e);FS.doChmod(r,r.node,t,!1)},doChown(e,t,r=!1){FS.doSetAttr(e,t,{timestamp:Date.now(),dontFollow:r})},chown(e,t,r,_=!1){var n;if(typeof e=="string"){var a=FS.lookupPath(e,{follow:!_});n=a.node}else n=e;FS.doChown(null,n,_)},lchown(e,t,r){FS.chown(e,t,r,!0)},fchown(e,t,r){var _=FS.getStreamChecked(e);FS.doChown(_,_.node,!1)},doTruncate(e,t,r){if(FS.isDir(t.mode))throw new FS.ErrnoError(31);if(!FS.isFile(t.mode))throw new FS.ErrnoError(28);var _=FS.nodePermissions(t,"w");if(_)throw new FS.ErrnoError(_);FS.doSetAttr(e,t,{size:r,timestamp:Date.now()})},truncate(e,t){if(t<0)throw new FS.ErrnoError(28);var r;if(typeof e=="string"){var _=FS.lookupPath(e,{follow:!0});r=_.node}else r=e;FS.doTruncate(null,r,t)},ftruncate(e,t){var r=FS.getStreamChecked(e);if(t<0||(r.flags&2097155)===0)throw new FS.ErrnoError(28);FS.doTruncate(r,r.node,t)},utime(e,t,r,_=!1){var n=FS.lookupPath(e,{follow:!_});FS.doSetAttr(null,n.node,{atime:t,mtime:r,dontFollow:_})},open(e,t,r=438){if(e==="")throw new FS.ErrnoError(44);t=FS_modeStringToFlags(t),t&64?r=r&4095|32768:r=0;var _,n;if(typeof e=="object")_=e;else{n=e.endsWith("/");var a=FS.lookupPath(e,{follow:!(t&131072),noent_okay:!0});_=a.node,e=a.path}var i=!1;if(t&64)if(_){if(t&128)throw new FS.ErrnoError(20)}else{if(n)throw new FS.ErrnoError(31);_=FS.mknod(e,r|511,0),i=!0}if(!_)throw new FS.ErrnoError(44);if(FS.isChrdev(_.mode)&&(t&=-513),t&65536&&!FS.isDir(_.mode))throw new FS.ErrnoError(54);if(!i){var l=FS.mayOpen(_,t);if(l)throw new FS.ErrnoError(l)}t&512&&!i&&FS.truncate(_,0),t&=-131713;var o=FS.createStream({node:_,path:FS.getPath(_),flags:t,seekable:!0,position:0,stream_ops:_.stream_ops,ungotten:[],error:!1});return o.stream_ops.open&&o.stream_ops.open(o),i&&FS.chmod(_,r&511),o},close(e){if(FS.isClosed(e))throw new FS.ErrnoError(8);e.getdents&&(e.getdents=null),e.node?.notifyListeners(32);try{e.stream_ops.close&&e.stream_ops.close(e)}catch(t){throw t}finally{FS.closeStream(e.fd)}e.fd=null},isClosed(e){return e.fd===null},llseek(e,t,r){if(FS.isClosed(e))throw new FS.ErrnoError(8);if(!e.seekable||!e.stream_ops.llseek)throw new FS.ErrnoError(70);if(r!=0&&r!=1&&r!=2)throw new FS.ErrnoError(28);return e.position=e.stream_ops.llseek(e,t,r),e.ungotten=[],e.position},read(e,t,r,_,n){if(_<0||n<0)throw new FS.ErrnoError(28);if(FS.isClosed(e))throw new FS.ErrnoError(8);if((e.flags&2097155)===1)throw new FS.ErrnoError(8);if(FS.isDir(e.node.mode))throw new FS.ErrnoError(31);if(!e.stream_ops.read)throw new FS.ErrnoError(28);var a=typeof n<"u";if(!a)n=e.position;else if(!e.seekable)throw new FS.ErrnoError(70);var i=e.stream_ops.read(e,t,r,_,n);return a||(e.position+=i),i},write(e,t,r,_,n,a){if(_<0||n<0)throw new FS.ErrnoError(28);if(FS.isClosed(e))throw new FS.ErrnoError(8);if((e.flags&2097155)===0)throw new FS.ErrnoError(8);if(FS.isDir(e.node.mode))throw new FS.ErrnoError(31);if(!e.stream_ops.write)throw new FS.ErrnoError(28);e.seekable&&e.flags&1024&&FS.llseek(e,0,2);var i=typeof n<"u";if(!i)n=e.position;else if(!e.seekable)throw new FS.ErrnoError(70);var l=e.stream_ops.write(e,t,r,_,n,a);return i||(e.position+=l),l},mmap(e,t,r,_,n){if(_&2&&!(n&2)&&(e.flags&2097155)!==2)throw new FS.ErrnoError(2);if((e.flags&2097155)===1)throw new FS.ErrnoError(2);if(!e.stream_ops.mmap)throw new FS.ErrnoError(43);if(!t)throw new FS.ErrnoError(28);return e.stream_ops.mmap(e,t,r,_,n)},msync(e,t,r,_,n){return e.stream_ops.msync?e.stream_ops.msync(e,t,r,_,n):0},ioctl(e,t,r){if(!e.stream_ops.ioctl)throw new FS.ErrnoError(59);return e.stream_ops.ioctl(e,t,r)},readFile(e,t={}){t.flags??(t.flags=0),t.encoding??(t.encoding="binary"),t.encoding!=="utf8"&&t.encoding!=="binary"&&abort(`Invalid encoding type "${t.encoding}"`);var r=FS.open(e,t.flags),_=FS.stat(e),n=_.size,a=new Uint8Array(n);return FS.read(r,a,0,n,0),t.encoding==="utf8"&&(a=UTF8ArrayToString(a)),FS.close(r),a},writeFile(e,t,r={}){r.flags??(r.flags=577);var _=FS.open(e,r.flags,r.mode);t=FS_fileDataToTypedArray(t),FS.write(_,t,0,t.byteLength,void 0,r.canOwn),FS.close(_)},cwd:()=>FS.currentPath,chdir(e){var t=FS.lookupPath(e,{follow:!0});if(t.node===null)throw new FS.ErrnoError(44);if(!FS.isDir(t.node.mode))throw new FS.ErrnoError(54);var r=FS.nodePermissions(t.node,"x");if(r)throw new FS.ErrnoError(r);FS.currentPath=t.path},createDefaultDirectories(){FS.mkdir("/tmp"),FS.mkdir("/home"),FS.mkdir("/home/web_user")},createDefaultDevices(){FS.mkdir("/dev"),FS.registerDevice(FS.makedev(1,3),{read:()=>0,write:(_,n,a,i)=>i,llseek:()=>0}),FS.mkdev("/dev/null",FS.makedev(1,3)),TTY.register(FS.makedev(5,0),TTY.default_tty_ops),TTY.register(FS.makedev(6,0),TTY.default_tty1_ops),FS.mkdev("/dev/tty",FS.makedev(5,0)),FS.mkdev("/dev/tty1",FS.makedev(6,0));var e=new Uint8Array(1024),t=0,r=()=>(t||(randomFill(e),t=e.byteLength),e[--t]);FS.createDevice("/dev","random",r),FS.createDevice("/dev","urandom",r),FS.mkdir("/dev/shm"),FS.mkdir("/dev/shm/tmp")},createSpecialDirectories(){FS.mkdir("/proc");var e=FS.mkdir("/proc/self");FS.mkdir("/proc/self/fd"),FS.mount({mount(){var t=FS.createNode(e,"fd",16895,73);return t.stream_ops={llseek:MEMFS.stream_ops.llseek},t.node_ops={lookup(r,_){var n=+_,a=FS.getStreamChecked(n),i={parent:null,mount:{mountpoint:"fake"},node_ops:{readlink:()=>a.path},id:n+1};return i.parent=i,i},readdir(){return Array.from(FS.streams.entries()).filter(([r,_])=>_).map(([r,_])=>r.toString())}},t}},{},"/proc/self/fd")},createStandardStreams(e,t,r){e?FS.createDevice("/dev","stdin",e):FS.symlink("/dev/tty","/dev/stdin"),t?FS.createDevice("/dev","stdout",null,t):FS.symlink("/dev/tty","/dev/stdout"),r?FS.createDevice("/dev","stderr",null,r):FS.symlink("/dev/tty1","/dev/stderr"),FS.open("/dev/stdin",0),FS.open("/dev/stdout",1),FS.open("/dev/stderr",1)},staticInit(){FS.nameTable.length=4096,FS.mount(MEMFS,{},"/"),FS.createDefaultDirectories(),FS.createDefaultDevices(),FS.createSpecialDirectories()},init(e,t,r){FS.initialized=!0,e??(e=Module.stdin),t??(t=Module.stdout),r??(r=Module.stderr),FS.createStandardStreams(e,t,r)},quit(){FS.initialized=!1,_fflush(0);for(var e of FS.streams)e&&FS.close(e)},analyzePath(e,t=!1){try{var r=FS.lookupPath(e,{follow:!t});e=r.path}catch{}var _={isRoot:!1,exists:!1,error:0,name:null,path:null,object:null,parentExists:!1,parentPath:null,parentObject:null};try{r=FS.lookupPath(e,{parent:!0}),_.parentExists=!0,_.parentPath=r.path,_.parentObject=r.node,_.name=PATH.basename(e),r=FS.lookupPath(e,{follow:!t}),_.exists=!0,_.path=r.path,_.object=r.node,_.name=r.node.name,_.isRoot=r.path==="/"}catch(n){_.error=n.errno}return _},createPath(e,t,r,_){e=typeof e=="string"?e:FS.getPath(e);for(var n=t.split("/").reverse();n.length;){var a=n.pop();if(a){var i=PATH.join2(e,a);try{FS.mkdir(i)}catch(l){if(l.errno!=20)throw l}e=i}}return i},createFile(e,t,r,_,n){var a=PATH.join2(typeof e=="string"?e:FS.getPath(e),t),i=FS_getMode(_,n);return FS.create(a,i)},createDataFile(e,t,r,_,n,a){var i=t;e&&(e=typeof e=="string"?e:FS.getPath(e),i=t?PATH.join2(e,t):e);var l=FS_getMode(_,n),o=FS.create(i,l);if(r){r=FS_fileDataToTypedArray(r),FS.chmod(o,l|146);var s=FS.open(o,577);FS.write(s,r,0,r.length,0,a),FS.close(s),FS.chmod(o,l)}},createDevice(e,t,r,_){var l;var n=PATH.join2(typeof e=="string"?e:FS.getPath(e),t),a=FS_getMode(!!r,!!_);(l=FS.createDevice).major??(l.major=64);var i=FS.makedev(FS.createDevice.major++,0);return FS.registerDevice(i,{open(o){o.seekable=!1},close(o){_?.buffer?.length&&_(10)},read(o,s,c,p,d){for(var u=0,f=0;f<p;f++){var m;try{m=r()}catch{throw new FS.ErrnoError(29)}if(m===void 0&&!u)throw new FS.ErrnoError(6);if(m==null)break;u++,s[c+f]=m}return u&&(o.node.atime=Date.now()),u},write(o,s,c,p,d){for(var u=0;u<p;u++)try{_(s[c+u])}catch{throw new FS.ErrnoError(29)}return p&&(o.node.mtime=o.node.ctime=Date.now()),u}}),FS.mkdev(n,a,i)},forceLoadFile(e){if(e.isDevice||e.isFolder||e.link||e.contents)return!0;if(globalThis.XMLHttpRequest)abort("Lazy loading should have been performed (contents set) in createLazyFile, but it was not. Lazy loading only works in web workers. Use --embed-file or --preload-file in emcc on the main thread.");else try{e.contents=readBinary(e.url)}catch{throw new FS.ErrnoError(29)}},createLazyFile(e,t,r,_,n){class a{constructor(){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.d)(this,"lengthKnown",!1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.d)(this,"chunks",[])}get(d){if(!(d>this.length-1||d<0)){var u=d%this.chunkSize,f=d/this.chunkSize|0;return this.getter(f)[u]}}setDataGetter(d){this.getter=d}cacheLength(){var d=new XMLHttpRequest;d.open("HEAD",r,!1),d.send(null),d.status>=200&&d.status<300||d.status===304||abort(`Couldn't load ${r}. Status: ${d.status}`);var u=Number(d.getResponseHeader("Content-length")),f,m=(f=d.getResponseHeader("Accept-Ranges"))&&f==="bytes",y=(f=d.getResponseHeader("Content-Encoding"))&&f==="gzip",b=1048576;m||(b=u);var k=(M,C)=>{M>C&&abort(`invalid range (${M}, ${C}) or no bytes requested!`),C>u-1&&abort(`only ${u} bytes available! programmer error!`);var v=new XMLHttpRequest;return v.open("GET",r,!1),u!==b&&v.setRequestHeader("Range",`bytes=${M}-${C}`),v.responseType="arraybuffer",v.overrideMimeType&&v.overrideMimeType("text/plain; charset=x-user-defined"),v.send(null),v.status>=200&&v.status<300||v.status===304||abort(`Couldn't load ${r}. Status: ${v.status}`),v.response!==void 0?new Uint8Array(v.response||[]):intArrayFromString(v.responseText??"",!0)},P=this;P.setDataGetter(M=>{var C=M*b,v=(M+1)*b-1;return v=Math.min(v,u-1),typeof P.chunks[M]>"u"&&(P.chunks[M]=k(C,v)),typeof P.chunks[M]>"u"&&abort("doXHR failed!"),P.chunks[M]}),(y||!u)&&(b=u=1,u=this.getter(0).length,b=u,out("LazyFiles on gzip forces download of the whole file when length is accessed")),this._length=u,this._chunkSize=b,this.lengthKnown=!0}get length(){return this.lengthKnown||this.cacheLength(),this._length}get chunkSize(){return this.lengthKnown||this.cacheLength(),this._chunkSize}}if(globalThis.XMLHttpRequest){ENVIRONMENT_IS_WORKER||abort("Cannot do synchronous binary XHRs outside webworkers in modern browsers. Use --embed-file or --preload-file in emcc");var i=new a,l={isDevice:!1,contents:i}}else l={isDevice:!1,url:r};var o=FS.createFile(e,t,l,_,n);l.contents?o.contents=l.contents:l.url&&(o.contents=null,o.url=l.url),Object.defineProperties(o,{usedBytes:{get:function(){return this.contents.length}}});var s={};for(let[p,d]of Object.entries(o.stream_ops))s[p]=(...u)=>(FS.forceLoadFile(o),d(...u));function c(p,d,u,f,m){var y=p.node.contents;if(m>=y.length)return 0;var b=Math.min(y.length-m,f);if(y.slice)for(var k=0;k<b;k++)d[u+k]=y[m+k];else for(k=0;k<b;k++)d[u+k]=y.get(m+k);return b}return s.read=(p,d,u,f,m)=>(FS.forceLoadFile(o),c(p,d,u,f,m)),s.mmap=(p,d,u)=>{FS.forceLoadFile(o);var f=mmapAlloc(d);if(!f)throw new FS.ErrnoError(48);return c(p,HEAP8,f,d,u),{ptr:f,allocated:!0}},o.stream_ops=s,o}},findLibraryFS=(e,t)=>{if(runtimeInitialized){if(PATH.isAbs(e))try{return FS.lookupPath(e),e}catch{return}var r=(t?.paths||[]).map(_=>replaceORIGIN(t?.parentLibPath,_));return withStackSave(()=>{var _=stackAlloc(512),n=stringToUTF8OnStack(r.join(":")),a=stringToUTF8OnStack(e),i=__emscripten_find_dylib(_,n,a,512);return i?UTF8ToString(i):void 0})}};function loadDynamicLibrary(e,t={global:!0,nodelete:!0},r,_){var n=LDSO.loadedLibsByName[e];if(n)return t.global?n.global||(n.global=!0,mergeLibSymbols(n.exports,e)):r&&Object.assign(r,n.exports),t.nodelete&&n.refcount!==1/0&&(n.refcount=1/0),n.refcount++,_&&(LDSO.loadedLibsByHandle[_]=n),t.loadAsync?Promise.resolve(!0):!0;n=newDSO(e,_,"loading"),n.refcount=t.nodelete?1/0:1,n.global=t.global;function a(){if(_){var o=HEAPU32[_+28>>2],s=HEAPU32[_+32>>2];if(o&&s){var c=HEAP8.slice(o,o+s);return t.loadAsync?Promise.resolve(c):c}}var p=findLibraryFS(e,t.rpath);if(p)return c=FS.readFile(p,{encoding:"binary"}),t.loadAsync?Promise.resolve(c):c;var d=locateFile(e);if(t.loadAsync)return asyncLoad(d);if(!readBinary)throw new Error(`${d}: file not found, and synchronous loading of external files is not available`);return readBinary(d)}function i(){var o=preloadedWasm[e];return o?t.loadAsync?Promise.resolve(o):o:t.loadAsync?a().then(s=>loadWebAssemblyModule(s,t,e,r,_)):loadWebAssemblyModule(a(),t,e,r,_)}function l(o){n.global?mergeLibSymbols(o,e):r&&Object.assign(r,o),n.exports=o}return t.loadAsync?i().then(o=>(l(o),!0)):(l(i()),!0)}var reportUndefinedSymbols=()=>{for(var[e,t]of Object.entries(GOT))if(t.value==-1){var r=resolveGlobalSymbol(e,!0).sym;if(!r&&!t.required){t.value=0;continue}if(typeof r=="function")t.value=addFunction(r,r.sig);else if(typeof r=="number")t.value=r;else if(typeof r.value=="number")t.value=r;else throw new Error(`bad export type for '${e}': ${typeof r} (${r})`)}},loadDylibs=async()=>{if(!dynamicLibraries.length){reportUndefinedSymbols();return}for(var e of dynamicLibraries)await loadDynamicLibrary(e,{loadAsync:!0,global:!0,nodelete:!0,allowUndefined:!0});reportUndefinedSymbols()},noExitRuntime=!1;function setValue(e,t,r="i8"){switch(r.endsWith("*")&&(r="*"),r){case"i1":HEAP8[e]=t;break;case"i8":HEAP8[e]=t;break;case"i16":HEAP16[e>>1]=t;break;case"i32":HEAP32[e>>2]=t;break;case"i64":HEAP64[e>>3]=BigInt(t);break;case"float":HEAPF32[e>>2]=t;break;case"double":HEAPF64[e>>3]=t;break;case"*":HEAPU32[e>>2]=t;break;default:abort(`invalid type for setValue: ${r}`)}}var wasmMemory,___assert_fail=(e,t,r,_)=>abort(`Assertion failed: ${UTF8ToString(e)}, at: `+[t?UTF8ToString(t):"unknown filename",r,_?UTF8ToString(_):"unknown function"]);___assert_fail.sig="vppip";var ___call_sighandler=(e,t)=>getWasmTableEntry(e)(t);___call_sighandler.sig="vpi";var SOCKFS={websocketArgs:{},callbacks:{},on(e,t){SOCKFS.callbacks[e]=t},emit(e,t){SOCKFS.callbacks[e]?.(t);var r=e==="error"?t[0]:t,_={message:65,open:4,connection:65,close:17,error:8}[e];_&&FS.getStream(r)?.node.notifyListeners(_)},mount(e){return SOCKFS.websocketArgs=Module.websocket||{},(Module.websocket??(Module.websocket={})).on=SOCKFS.on,FS.createNode(null,"/",16895,0)},createSocket(e,t,r){if(e!=2)throw new FS.ErrnoError(5);if(t&=-526337,t!=1&&t!=2)throw new FS.ErrnoError(28);var _=t==1;if(_&&r&&r!=6)throw new FS.ErrnoError(66);var n={family:e,type:t,protocol:r,server:null,error:null,peers:{},pending:[],recv_queue:[],sock_ops:SOCKFS.websocket_sock_ops},a=SOCKFS.nextname(),i=FS.createNode(SOCKFS.root,a,49152,0);i.sock=n;var l=FS.createStream({path:a,node:i,flags:2,seekable:!1,stream_ops:SOCKFS.stream_ops});return n.stream=l,n},getSocket(e){var t=FS.getStream(e);return!t||!FS.isSocket(t.node.mode)?null:t.node.sock},stream_ops:{getattr(e){var t=e.node;return{dev:1,ino:t.id,mode:49663,nlink:1,uid:0,gid:0,rdev:0,size:0,atime:new Date(0),mtime:new Date(0),ctime:new Date(0),blksize:4096,blocks:0}},poll(e){var t=e.node.sock;return t.sock_ops.poll(t)},ioctl(e,t,r){var _=e.node.sock;return _.sock_ops.ioctl(_,t,r)},read(e,t,r,_,n){var a=e.node.sock,i=a.sock_ops.recvmsg(a,_);return i?(t.set(i.buffer,r),i.buffer.length):0},write(e,t,r,_,n){var a=e.node.sock;return a.sock_ops.sendmsg(a,t,r,_)},close(e){var t=e.node.sock;t.sock_ops.close(t)}},nextname(){return SOCKFS.nextname.current||(SOCKFS.nextname.current=0),`socket[${SOCKFS.nextname.current++}]`},websocket_sock_ops:{createPeer(e,t,r){var _;if(typeof t=="object"&&(_=t,t=null,r=null),_)if(_._socket)t=_._socket.remoteAddress,r=_._socket.remotePort;else{var n=/ws[s]?:\/\/([^:]+):(\d+)/.exec(_.url);if(!n)throw new Error("WebSocket URL must be in the format ws(s)://address:port");t=n[1],r=parseInt(n[2],10)}else try{var a="ws://".replace("#","//"),i="binary",l=void 0;if(SOCKFS.websocketArgs.url&&(a=SOCKFS.websocketArgs.url),SOCKFS.websocketArgs.subprotocol?i=SOCKFS.websocketArgs.subprotocol:SOCKFS.websocketArgs.subprotocol===null&&(i="null"),a==="ws://"||a==="wss://"){var o=t.split("/");a=a+o[0]+":"+r+"/"+o.slice(1).join("/")}i!=="null"&&(i=i.replace(/^ +| +$/g,"").split(/ *, */),l=i);var s;ENVIRONMENT_IS_NODE?s=require("ws"):s=WebSocket,_=new s(a,l),_.binaryType="arraybuffer"}catch{throw new FS.ErrnoError(23)}var c={addr:t,port:r,socket:_,msg_send_queue:[]};return SOCKFS.websocket_sock_ops.addPeer(e,c),SOCKFS.websocket_sock_ops.handlePeerEvents(e,c),e.type===2&&typeof e.sport<"u"&&c.msg_send_queue.push(new Uint8Array([255,255,255,255,112,111,114,116,(e.sport&65280)>>8,e.sport&255])),c},getPeer(e,t,r){return e.peers[t+":"+r]},addPeer(e,t){e.peers[t.addr+":"+t.port]=t},removePeer(e,t){delete e.peers[t.addr+":"+t.port]},handlePeerEvents(e,t){var r=!0;function _(){e.connecting=!1,SOCKFS.emit("open",e.stream.fd);try{for(var a=t.msg_send_queue.shift();a;)t.socket.send(a),a=t.msg_send_queue.shift()}catch{t.socket.close()}}function n(a){if(typeof a=="string"){var i=new TextEncoder;a=i.encode(a)}else{if(a.byteLength==0)return;a=new Uint8Array(a)}var l=r;if(r=!1,l&&a.length===10&&a[0]===255&&a[1]===255&&a[2]===255&&a[3]===255&&a[4]===112&&a[5]===111&&a[6]===114&&a[7]===116){var o=a[8]<<8|a[9];SOCKFS.websocket_sock_ops.removePeer(e,t),t.port=o,SOCKFS.websocket_sock_ops.addPeer(e,t);return}e.recv_queue.push({addr:t.addr,port:t.port,data:a}),SOCKFS.emit("message",e.stream.fd)}if(ENVIRONMENT_IS_NODE){t.socket.on("open",_),t.socket.on("message",(a,i)=>{i&&n(new Uint8Array(a).buffer)}),t.socket.on("close",()=>SOCKFS.emit("close",e.stream.fd)),t.socket.on("error",()=>{e.error=14,SOCKFS.emit("error",[e.stream.fd,e.error,"ECONNREFUSED: Connection refused"])});return}t.socket.onopen=_,t.socket.onclose=()=>SOCKFS.emit("close",e.stream.fd),t.socket.onmessage=a=>n(a.data),t.socket.onerror=()=>{e.error=14,SOCKFS.emit("error",[e.stream.fd,e.error,"ECONNREFUSED: Connection refused"])}},poll(e){if(e.type===1&&(e.server||e.listening))return e.error?8:e.server?e.pending.length?65:0:16;var t=0;e.error&&(t|=8);var r=e.type===1?SOCKFS.websocket_sock_ops.getPeer(e,e.daddr,e.dport):null;return(e.recv_queue.length||!r||r&&r.socket.readyState===r.socket.CLOSING||r&&r.socket.readyState===r.socket.CLOSED)&&(t|=65),(!r||r&&r.socket.readyState===r.socket.OPEN)&&(t|=4),(r&&r.socket.readyState===r.socket.CLOSING||r&&r.socket.readyState===r.socket.CLOSED)&&(e.connecting?t|=4:t|=8208),t},ioctl(e,t,r){switch(t){case 21531:var _=0;return e.recv_queue.length&&(_=e.recv_queue[0].data.length),HEAP32[r>>2]=_,0;case 21537:var n=HEAP32[r>>2];return n?e.stream.flags|=2048:e.stream.flags&=-2049,0;default:return 28}},close(e){if(e.listening=!1,e.server){try{e.server.close()}catch{}e.server=null}for(var t of Object.values(e.peers)){try{t.socket.close()}catch{}SOCKFS.websocket_sock_ops.removePeer(e,t)}return 0},bind(e,t,r){if(typeof e.saddr<"u"||typeof e.sport<"u")throw new FS.ErrnoError(28);if(e.saddr=t,e.sport=r,e.type===2){e.server&&(e.server.close(),e.server=null);try{e.sock_ops.listen(e,0)}catch(_){if(_.name!=="ErrnoError"||_.errno!==138)throw _}}},connect(e,t,r){if(e.server)throw new FS.ErrnoError(138);if(typeof e.daddr<"u"&&typeof e.dport<"u"){var _=SOCKFS.websocket_sock_ops.getPeer(e,e.daddr,e.dport);if(_)throw _.socket.readyState===_.socket.CONNECTING?new FS.ErrnoError(7):new FS.ErrnoError(30)}var n=SOCKFS.websocket_sock_ops.createPeer(e,t,r);e.daddr=n.addr,e.dport=n.port,e.connecting=!0},listen(e,t){if(!ENVIRONMENT_IS_NODE)throw new FS.ErrnoError(138);if(e.server||e.listening)throw new FS.ErrnoError(28);var r=require("ws").Server,_=e.saddr;e.server=new r({host:_,port:e.sport}),e.listening=!0,SOCKFS.emit("listen",e.stream.fd),e.server.on("connection",n=>{if(e.type===1){var a=SOCKFS.createSocket(e.family,e.type,e.protocol),i=SOCKFS.websocket_sock_ops.createPeer(a,n);a.daddr=i.addr,a.dport=i.port,e.pending.push(a),SOCKFS.emit("connection",a.stream.fd),e.stream.node.notifyListeners(65)}else SOCKFS.websocket_sock_ops.createPeer(e,n),SOCKFS.emit("connection",e.stream.fd)}),e.server.on("close",()=>{SOCKFS.emit("close",e.stream.fd),e.server=null}),e.server.on("error",n=>{if(e.error=n.code&&ERRNO_CODES[n.code]||29,SOCKFS.emit("error",[e.stream.fd,e.error,n.message||n.code||"Server error"]),e.server){try{e.server.close()}catch{}e.server=null}})},accept(e){if(e.error){var t=e.error;throw e.error=null,new FS.ErrnoError(t)}if(!e.server||!e.pending.length)throw new FS.ErrnoError(28);var r=e.pending.shift();return r.stream.flags=e.stream.flags,r},getname(e,t){var r,_;if(t){if(e.daddr===void 0||e.dport===void 0)throw new FS.ErrnoError(53);r=e.daddr,_=e.dport}else r=e.saddr||0,_=e.sport||0;return{addr:r,port:_}},sendmsg(e,t,r,_,n,a){if(e.type===2){if((n===void 0||a===void 0)&&(n=e.daddr,a=e.dport),n===void 0||a===void 0)throw new FS.ErrnoError(17)}else n=e.daddr,a=e.dport;var i=SOCKFS.websocket_sock_ops.getPeer(e,n,a);if(e.type===1&&(!i||i.socket.readyState===i.socket.CLOSING||i.socket.readyState===i.socket.CLOSED))throw new FS.ErrnoError(53);ArrayBuffer.isView(t)&&(r+=t.byteOffset,t=t.buffer);var l=t.slice(r,r+_);if(!i||i.socket.readyState!==i.socket.OPEN)return e.type===2&&(!i||i.socket.readyState===i.socket.CLOSING||i.socket.readyState===i.socket.CLOSED)&&(i=SOCKFS.websocket_sock_ops.createPeer(e,n,a)),i.msg_send_queue.push(l),_;try{return i.socket.send(l),_}catch{throw new FS.ErrnoError(28)}},recvmsg(e,t,r){if(e.type===1&&e.server)throw new FS.ErrnoError(53);var _=r&2,n=e.recv_queue[0];if(!n){if(e.type===1){var a=SOCKFS.websocket_sock_ops.getPeer(e,e.daddr,e.dport);if(!a)throw new FS.ErrnoError(53);if(a.socket.readyState===a.socket.CLOSING||a.socket.readyState===a.socket.CLOSED)return null;throw new FS.ErrnoError(6)}throw new FS.ErrnoError(6)}var i=n.data.byteLength||n.data.length,l=n.data.byteOffset||0,o=n.data.buffer||n.data,s=Math.min(t,i),c={buffer:new Uint8Array(o,l,s),addr:n.addr,port:n.port};if(_)return c;if(e.recv_queue.shift(),e.type===1&&s<i){var p=i-s;n.data=new Uint8Array(o,l+s,p),e.recv_queue.unshift(n)}return c}}},getSocketFromFD=e=>{var t=SOCKFS.getSocket(e);if(!t)throw new FS.ErrnoError(8);return t},inetPton4=e=>{for(var t=e.split("."),r=0;r<4;r++){var _=Number(t[r]);if(isNaN(_))return null;t[r]=_}return(t[0]|t[1]<<8|t[2]<<16|t[3]<<24)>>>0},inetPton6=e=>{var t,r,_,n,a=[];if(!/^((?=.*::)(?!.*::.+::)(::)?([\dA-F]{1,4}:(:|\b)|){5}|([\dA-F]{1,4}:){6})((([\dA-F]{1,4}((?!\3)::|:\b|$))|(?!\2\3)){2}|(((2[0-4]|1\d|[1-9])?\d|25[0-5])\.?\b){4})$/i.test(e))return null;if(e==="::")return[0,0,0,0,0,0,0,0];for(e.startsWith("::")?e=e.replace("::","Z:"):e=e.replace("::",":Z:"),e.indexOf(".")>0?(e=e.replace(new RegExp("[.]","g"),":"),t=e.split(":"),t[t.length-4]=Number(t[t.length-4])+Number(t[t.length-3])*256,t[t.length-3]=Number(t[t.length-2])+Number(t[t.length-1])*256,t=t.slice(0,t.length-2)):t=e.split(":"),_=0,n=0,r=0;r<t.length;r++)if(typeof t[r]=="string")if(t[r]==="Z"){for(n=0;n<8-t.length+1;n++)a[r+n]=0;_=n-1}else a[r+_]=_htons(parseInt(t[r],16));else a[r+_]=t[r];return[a[1]<<16|a[0],a[3]<<16|a[2],a[5]<<16|a[4],a[7]<<16|a[6]]},DNS={address_map:{id:1,addrs:{},names:{}},lookup_name(e){var t=inetPton4(e);if(t!==null||(t=inetPton6(e),t!==null))return e;var r;if(DNS.address_map.addrs[e])r=DNS.address_map.addrs[e];else{var _=DNS.address_map.id++;r="172.29."+(_&255)+"."+(_&65280),DNS.address_map.names[r]=e,DNS.address_map.addrs[e]=r}return r},lookup_addr(e){return DNS.address_map.names[e]?DNS.address_map.names[e]:null}},writeSockaddr=(e,t,r,_,n)=>{switch(t){case 2:r=inetPton4(DNS.lookup_name(r)),zeroMemory(e,16),n&&(HEAP32[n>>2]=16),HEAP16[e>>1]=t,HEAP32[e+4>>2]=r,HEAP16[e+2>>1]=_htons(_);break;case 10:r=inetPton6(DNS.lookup_name(r)),zeroMemory(e,28),n&&(HEAP32[n>>2]=28),HEAP32[e>>2]=t,HEAP32[e+8>>2]=r[0],HEAP32[e+12>>2]=r[1],HEAP32[e+16>>2]=r[2],HEAP32[e+20>>2]=r[3],HEAP16[e+2>>1]=_htons(_);break;default:return 5}return 0};function ___syscall_accept4(e,t,r){try{var _=getSocketFromFD(e),n=_.sock_ops.accept(_);return t&&writeSockaddr(t,n.family,n.daddr,n.dport,r),n.stream.fd}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return-a.errno}}___syscall_accept4.sig="iippiii";var inetNtop4=e=>(e&255)+"."+(e>>8&255)+"."+(e>>16&255)+"."+(e>>24&255),inetNtop6=e=>{var t="",r=0,_=0,n=0,a=0,i=0,l=0,o=[e[0]&65535,e[0]>>16,e[1]&65535,e[1]>>16,e[2]&65535,e[2]>>16,e[3]&65535,e[3]>>16],s=!0,c="";for(l=0;l<5;l++)if(o[l]){s=!1;break}if(s){if(c=inetNtop4(o[6]|o[7]<<16),o[5]===-1)return t="::ffff:",t+=c,t;if(!o[5])return t="::",c==="0.0.0.0"&&(c=""),c==="0.0.0.1"&&(c="1"),t+=c,t}for(r=0;r<8;r++)o[r]||(r-n>1&&(i=0),n=r,i++),i>_&&(_=i,a=r-_+1);for(r=0;r<8;r++){if(_>1&&!o[r]&&r>=a&&r<a+_){r===a&&(t+=":",a||(t+=":"));continue}t+=Number(_ntohs(o[r]&65535)).toString(16),t+=r<7?":":""}return t},readSockaddr=(e,t)=>{var r=HEAP16[e>>1],_=_ntohs(HEAPU16[e+2>>1]),n;switch(r){case 2:if(t!==16)return{errno:28};n=HEAP32[e+4>>2],n=inetNtop4(n);break;case 10:if(t!==28)return{errno:28};n=[HEAP32[e+8>>2],HEAP32[e+12>>2],HEAP32[e+16>>2],HEAP32[e+20>>2]],n=inetNtop6(n);break;default:return{errno:5}}return{family:r,addr:n,port:_}},getSocketAddress=(e,t)=>{var r=readSockaddr(e,t);if(r.errno)throw new FS.ErrnoError(r.errno);return r.addr=DNS.lookup_addr(r.addr)||r.addr,r};function ___syscall_bind(e,t,r){try{var _=getSocketFromFD(e),n=getSocketAddress(t,r);return _.sock_ops.bind(_,n.addr,n.port),0}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return-a.errno}}___syscall_bind.sig="iipiiii";var SYSCALLS={currentUmask:18,calculateAt(e,t,r=!1){if(PATH.isAbs(t))return t;var _;if(e===-100)_=FS.cwd();else{var n=SYSCALLS.getStreamFromFD(e);_=n.path}if(t.length==0){if(!r)throw new FS.ErrnoError(44);return _}return _+"/"+t},writeStat(e,t){HEAPU32[e>>2]=t.dev,HEAPU32[e+4>>2]=t.mode,HEAPU32[e+8>>2]=t.nlink,HEAPU32[e+12>>2]=t.uid,HEAPU32[e+16>>2]=t.gid,HEAPU32[e+20>>2]=t.rdev,HEAP64[e+24>>3]=BigInt(t.size),HEAP32[e+32>>2]=4096,HEAP32[e+36>>2]=t.blocks;var r=t.atime.getTime(),_=t.mtime.getTime(),n=t.ctime.getTime();return HEAP64[e+40>>3]=BigInt(Math.floor(r/1e3)),HEAPU32[e+48>>2]=r%1e3*1e3*1e3,HEAP64[e+56>>3]=BigInt(Math.floor(_/1e3)),HEAPU32[e+64>>2]=_%1e3*1e3*1e3,HEAP64[e+72>>3]=BigInt(Math.floor(n/1e3)),HEAPU32[e+80>>2]=n%1e3*1e3*1e3,HEAP64[e+88>>3]=BigInt(t.ino),0},writeStatFs(e,t){HEAPU32[e+4>>2]=t.bsize,HEAPU32[e+60>>2]=t.bsize,HEAP64[e+8>>3]=BigInt(t.blocks),HEAP64[e+16>>3]=BigInt(t.bfree),HEAP64[e+24>>3]=BigInt(t.bavail),HEAP64[e+32>>3]=BigInt(t.files),HEAP64[e+40>>3]=BigInt(t.ffree),HEAPU32[e+48>>2]=t.fsid,HEAPU32[e+64>>2]=t.flags,HEAPU32[e+56>>2]=t.namelen},doMsync(e,t,r,_,n){if(!FS.isFile(t.node.mode))throw new FS.ErrnoError(43);if(_&2)return 0;var a=HEAPU8.subarray(e,e+r);FS.msync(t,a,n,r,_)},getStreamFromFD(e){var t=FS.getStreamChecked(e);return t},varargs:void 0,getStr(e){var t=UTF8ToString(e);return t}};function ___syscall_chdir(e){try{return e=SYSCALLS.getStr(e),FS.chdir(e),0}catch(t){if(typeof FS>"u"||t.name!=="ErrnoError")throw t;return-t.errno}}___syscall_chdir.sig="ip";function ___syscall_chmod(e,t){try{return e=SYSCALLS.getStr(e),FS.chmod(e,t),0}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return-r.errno}}___syscall_chmod.sig="ipi";function ___syscall_connect(e,t,r){try{var _=getSocketFromFD(e),n=getSocketAddress(t,r);return _.sock_ops.connect(_,n.addr,n.port),0}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return-a.errno}}___syscall_connect.sig="iipiiii";function ___syscall_dup(e){try{var t=SYSCALLS.getStreamFromFD(e);return FS.dupStream(t).fd}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return-r.errno}}___syscall_dup.sig="ii";function ___syscall_dup3(e,t,r){try{if(e===t||r&-524289)return-28;var _=SYSCALLS.getStreamFromFD(e);if(t<0||t>=FS.MAX_OPEN_FDS)return-8;var n=FS.getStream(t);n&&FS.close(n);var a=FS.dupStream(_,t);return r&524288&&(a.flags|=524288),a.fd}catch(i){if(typeof FS>"u"||i.name!=="ErrnoError")throw i;return-i.errno}}___syscall_dup3.sig="iiii";function ___syscall_faccessat(e,t,r){try{if(t=SYSCALLS.getStr(t),t=SYSCALLS.calculateAt(e,t),r&-8)return-28;var _=FS.lookupPath(t,{follow:!0}),n=_.node;if(!n)return-44;var a="";return r&4&&(a+="r"),r&2&&(a+="w"),r&1&&(a+="x"),a&&FS.nodePermissions(n,a)?-2:0}catch(i){if(typeof FS>"u"||i.name!=="ErrnoError")throw i;return-i.errno}}___syscall_faccessat.sig="iipii";var INT53_MAX=9007199254740992,INT53_MIN=-9007199254740992,bigintToI53Checked=e=>e<INT53_MIN||e>INT53_MAX?NaN:Number(e);function ___syscall_fadvise64(e,t,r){t=bigintToI53Checked(t),r=bigintToI53Checked(r);try{return SYSCALLS.getStreamFromFD(e).seekable?0:-70}catch(_){if(typeof FS>"u"||_.name!=="ErrnoError")throw _;return-_.errno}}___syscall_fadvise64.sig="iijji";function ___syscall_fallocate(e,t,r,_){r=bigintToI53Checked(r),_=bigintToI53Checked(_);try{if(isNaN(r)||isNaN(_))return-22;if(t!=0)return-138;if(r<0||_<0)return-28;if(!SYSCALLS.getStreamFromFD(e).seekable)return-70;var n=FS.fstat(e).size,a=r+_;return a>n&&FS.ftruncate(e,a),0}catch(i){if(typeof FS>"u"||i.name!=="ErrnoError")throw i;return-i.errno}}___syscall_fallocate.sig="iiijj";function ___syscall_fchmod(e,t){try{return FS.fchmod(e,t),0}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return-r.errno}}___syscall_fchmod.sig="iii";function ___syscall_fchmodat2(e,t,r,_){try{var n=_&256;return t=SYSCALLS.getStr(t),t=SYSCALLS.calculateAt(e,t),FS.chmod(t,r,n),0}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return-a.errno}}___syscall_fchmodat2.sig="iipii";function ___syscall_fchown32(e,t,r){try{return FS.fchown(e,t,r),0}catch(_){if(typeof FS>"u"||_.name!=="ErrnoError")throw _;return-_.errno}}___syscall_fchown32.sig="iiii";function ___syscall_fchownat(e,t,r,_,n){try{t=SYSCALLS.getStr(t);var a=n&256;return n&=-257,t=SYSCALLS.calculateAt(e,t),(a?FS.lchown:FS.chown)(t,r,_),0}catch(i){if(typeof FS>"u"||i.name!=="ErrnoError")throw i;return-i.errno}}___syscall_fchownat.sig="iipiii";var syscallGetVarargI=()=>{var e=HEAP32[+SYSCALLS.varargs>>2];return SYSCALLS.varargs+=4,e},syscallGetVarargP=syscallGetVarargI;function ___syscall_fcntl64(e,t,r){SYSCALLS.varargs=r;try{var _=SYSCALLS.getStreamFromFD(e);switch(t){case 0:var n=syscallGetVarargI();if(n<0)return-28;for(;FS.streams[n];)n++;var a;return a=FS.dupStream(_,n),a.fd;case 1:case 2:return 0;case 3:return _.flags;case 4:return n=syscallGetVarargI(),_.flags=_.flags&-289793|n&289792,0;case 12:return n=syscallGetVarargP(),HEAP16[n+0>>1]=2,0;case 13:case 14:return 0}return-28}catch(i){if(typeof FS>"u"||i.name!=="ErrnoError")throw i;return-i.errno}}___syscall_fcntl64.sig="iiip";function ___syscall_fdatasync(e){try{return SYSCALLS.getStreamFromFD(e),0}catch(t){if(typeof FS>"u"||t.name!=="ErrnoError")throw t;return-t.errno}}___syscall_fdatasync.sig="ii";function ___syscall_fstat64(e,t){try{return SYSCALLS.writeStat(t,FS.fstat(e))}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return-r.errno}}___syscall_fstat64.sig="iip";function ___syscall_ftruncate64(e,t){t=bigintToI53Checked(t);try{return isNaN(t)?-22:(FS.ftruncate(e,t),0)}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return-r.errno}}___syscall_ftruncate64.sig="iij";function ___syscall_getcwd(e,t){try{if(!t)return-28;var r=FS.cwd(),_=lengthBytesUTF8(r)+1;return t<_?-68:(stringToUTF8(r,e,t),_)}catch(n){if(typeof FS>"u"||n.name!=="ErrnoError")throw n;return-n.errno}}___syscall_getcwd.sig="ipp";function ___syscall_getdents64(e,t,r){try{var _=SYSCALLS.getStreamFromFD(e);_.getdents||(_.getdents=FS.readdir(_.path));for(var n=0,a=FS.llseek(_,0,1),i=Math.floor(a/280),l=Math.min(_.getdents.length,i+Math.floor(r/280)),o=i;o<l;o++){var s,c,p=_.getdents[o];if(p===".")s=_.node.id,c=4;else if(p===".."){var d=FS.lookupPath(_.path,{parent:!0});s=d.node.id,c=4}else{var u;try{u=FS.lookupNode(_.node,p)}catch(f){if(f?.errno===28)continue;throw f}s=u.id,c=FS.isChrdev(u.mode)?2:FS.isDir(u.mode)?4:FS.isLink(u.mode)?10:8}HEAP64[t+n>>3]=BigInt(s),HEAP64[t+n+8>>3]=BigInt((o+1)*280),HEAP16[t+n+16>>1]=280,HEAP8[t+n+18]=c,stringToUTF8(p,t+n+19,256),n+=280}return FS.llseek(_,o*280,0),n}catch(f){if(typeof FS>"u"||f.name!=="ErrnoError")throw f;return-f.errno}}___syscall_getdents64.sig="iipp";var ___syscall_getegid32=()=>0;___syscall_getegid32.sig="i";var ___syscall_geteuid32=()=>0;___syscall_geteuid32.sig="i";var ___syscall_getgid32=()=>0;___syscall_getgid32.sig="i";var ___syscall_getuid32=()=>0;___syscall_getuid32.sig="i";function ___syscall_ioctl(e,t,r){SYSCALLS.varargs=r;try{var _=SYSCALLS.getStreamFromFD(e);switch(t){case 21509:return _.tty?0:-59;case 21505:if(!_.tty)return-59;if(_.tty.ops.ioctl_tcgets){var n=_.tty.ops.ioctl_tcgets(_),a=syscallGetVarargP();HEAP32[a>>2]=n.c_iflag||0,HEAP32[a+4>>2]=n.c_oflag||0,HEAP32[a+8>>2]=n.c_cflag||0,HEAP32[a+12>>2]=n.c_lflag||0;for(var i=0;i<32;i++)HEAP8[a+i+17]=n.c_cc[i]||0;return 0}return 0;case 21510:case 21511:case 21512:return _.tty?0:-59;case 21506:case 21507:case 21508:if(!_.tty)return-59;if(_.tty.ops.ioctl_tcsets){a=syscallGetVarargP();var l=HEAP32[a>>2],o=HEAP32[a+4>>2],s=HEAP32[a+8>>2],c=HEAP32[a+12>>2],p=[];for(i=0;i<32;i++)p.push(HEAP8[a+i+17]);return _.tty.ops.ioctl_tcsets(_.tty,t,{c_iflag:l,c_oflag:o,c_cflag:s,c_lflag:c,c_cc:p})}return 0;case 21519:return _.tty?(a=syscallGetVarargP(),HEAP32[a>>2]=0,0):-59;case 21520:return _.tty?-28:-59;case 21537:case 21531:return a=syscallGetVarargP(),FS.ioctl(_,t,a);case 21523:if(!_.tty)return-59;if(_.tty.ops.ioctl_tiocgwinsz){var d=_.tty.ops.ioctl_tiocgwinsz(_.tty);a=syscallGetVarargP(),HEAP16[a>>1]=d[0],HEAP16[a+2>>1]=d[1]}return 0;case 21524:return _.tty?0:-59;case 21515:return _.tty?0:-59;default:return-28}}catch(u){if(typeof FS>"u"||u.name!=="ErrnoError")throw u;return-u.errno}}___syscall_ioctl.sig="iiip";function ___syscall_linkat(e,t,r,_,n){try{return t=SYSCALLS.getStr(t),_=SYSCALLS.getStr(_),t=SYSCALLS.calculateAt(e,t),_=SYSCALLS.calculateAt(r,_),FS.link(t,_,n),0}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return-a.errno}}___syscall_linkat.sig="iipipi";function ___syscall_listen(e,t){try{var r=getSocketFromFD(e);return r.sock_ops.listen(r,t),0}catch(_){if(typeof FS>"u"||_.name!=="ErrnoError")throw _;return-_.errno}}___syscall_listen.sig="iiiiiii";function ___syscall_lstat64(e,t){try{return e=SYSCALLS.getStr(e),SYSCALLS.writeStat(t,FS.lstat(e))}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return-r.errno}}___syscall_lstat64.sig="ipp";function ___syscall_mkdirat(e,t,r){try{return t=SYSCALLS.getStr(t),t=SYSCALLS.calculateAt(e,t),r&=~SYSCALLS.currentUmask,FS.mkdir(t,r),0}catch(_){if(typeof FS>"u"||_.name!=="ErrnoError")throw _;return-_.errno}}___syscall_mkdirat.sig="iipi";function ___syscall_newfstatat(e,t,r,_){try{t=SYSCALLS.getStr(t);var n=_&256,a=_&4096;return _&=-6401,t=SYSCALLS.calculateAt(e,t,a),SYSCALLS.writeStat(r,n?FS.lstat(t):FS.stat(t))}catch(i){if(typeof FS>"u"||i.name!=="ErrnoError")throw i;return-i.errno}}___syscall_newfstatat.sig="iippi";function ___syscall_openat(e,t,r,_){SYSCALLS.varargs=_;try{t=SYSCALLS.getStr(t),t=SYSCALLS.calculateAt(e,t);var n=_?syscallGetVarargI():0;return r&64&&(n&=~SYSCALLS.currentUmask),FS.open(t,r,n).fd}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return-a.errno}}___syscall_openat.sig="iipip";var PIPEFS={BUCKET_BUFFER_SIZE:8192,mount(e){return FS.createNode(null,"/",16895,0)},createPipe(){var e={buckets:[],writerCount:1,writeClosed:!1,readerCount:1,readClosed:!1,timestamp:new Date};e.buckets.push({buffer:new Uint8Array(PIPEFS.BUCKET_BUFFER_SIZE),offset:0,roffset:0});var t=PIPEFS.nextname(),r=PIPEFS.nextname(),_=FS.createNode(PIPEFS.root,t,4096,0),n=FS.createNode(PIPEFS.root,r,4096,0);_.pipe=e,n.pipe=e,e.readNode=_,e.writeNode=n;var a=FS.createStream({path:t,node:_,flags:0,seekable:!1,stream_ops:PIPEFS.stream_ops});_.stream=a;var i=FS.createStream({path:r,node:n,flags:1,seekable:!1,stream_ops:PIPEFS.stream_ops});return n.stream=i,{readable_fd:a.fd,writable_fd:i.fd}},stream_ops:{getattr(e){var t=e.node,r=t.pipe.timestamp;return{dev:14,ino:t.id,mode:4480,nlink:1,uid:0,gid:0,rdev:0,size:0,atime:r,mtime:r,ctime:r,blksize:4096,blocks:0}},poll(e){var t=e.node.pipe;if((e.flags&2097155)===1){var r=260;return t.readClosed&&(r|=8),r}r=0;for(var _ of t.buckets)if(_.offset-_.roffset>0){r=65;break}return t.writeClosed&&(r|=17),r},dup(e){var t=e.node.pipe;(e.flags&2097155)===1?t.writerCount++:t.readerCount++},ioctl(e,t,r){if(t==21531){var _=e.node.pipe,n=0;for(var a of _.buckets)n+=a.offset-a.roffset;return HEAP32[r>>2]=n,0}return 28},fsync(e){return 28},read(e,t,r,_,n){var a=e.node.pipe,i=0;for(var l of a.buckets)i+=l.offset-l.roffset;var o=t.subarray(r,r+_);if(_<=0)return 0;if(i==0)throw new FS.ErrnoError(6);var s=Math.min(i,_),c=s,p=0;for(var l of a.buckets){var d=l.offset-l.roffset;if(s<=d){var u=l.buffer.subarray(l.roffset,l.offset);s<d?(u=u.subarray(0,s),l.roffset+=s):p++,o.set(u);break}else u=l.buffer.subarray(l.roffset,l.offset),o.set(u),o=o.subarray(u.byteLength),s-=u.byteLength,p++}return p&&p==a.buckets.length&&(p--,a.buckets[p].offset=0,a.buckets[p].roffset=0),a.buckets.splice(0,p),c},write(e,t,r,_,n){var a=e.node.pipe,i=t.subarray(r,r+_),l=i.byteLength;if(l<=0)return 0;var o=null;a.buckets.length==0?(o={buffer:new Uint8Array(PIPEFS.BUCKET_BUFFER_SIZE),offset:0,roffset:0},a.buckets.push(o)):o=a.buckets[a.buckets.length-1];var s=PIPEFS.BUCKET_BUFFER_SIZE-o.offset;if(s>=l)return o.buffer.set(i,o.offset),o.offset+=l,a.readNode.notifyListeners(65),l;s>0&&(o.buffer.set(i.subarray(0,s),o.offset),o.offset+=s,i=i.subarray(s,i.byteLength));for(var c=i.byteLength/PIPEFS.BUCKET_BUFFER_SIZE|0,p=i.byteLength%PIPEFS.BUCKET_BUFFER_SIZE,d=0;d<c;d++){var u={buffer:new Uint8Array(PIPEFS.BUCKET_BUFFER_SIZE),offset:PIPEFS.BUCKET_BUFFER_SIZE,roffset:0};a.buckets.push(u),u.buffer.set(i.subarray(0,PIPEFS.BUCKET_BUFFER_SIZE)),i=i.subarray(PIPEFS.BUCKET_BUFFER_SIZE,i.byteLength)}return p>0&&(u={buffer:new Uint8Array(PIPEFS.BUCKET_BUFFER_SIZE),offset:i.byteLength,roffset:0},a.buckets.push(u),u.buffer.set(i)),a.readNode.notifyListeners(65),l},close(e){var t=e.node.pipe;(e.flags&2097155)===1?--t.writerCount||(t.writeClosed=!0,t.readNode.notifyListeners(81)):--t.readerCount||(t.readClosed=!0,t.writeNode.notifyListeners(268)),!t.readerCount&&!t.writerCount&&(t.buckets=null)}},nextname(){return PIPEFS.nextname.current||(PIPEFS.nextname.current=0),"pipe["+PIPEFS.nextname.current+++"]"}};function ___syscall_pipe2(e,t){try{if(e==0)throw new FS.ErrnoError(21);if(t&-526337)throw new FS.ErrnoError(138);var r=PIPEFS.createPipe();return t&2048&&(FS.getStream(r.readable_fd).flags|=2048,FS.getStream(r.writable_fd).flags|=2048),HEAP32[e>>2]=r.readable_fd,HEAP32[e+4>>2]=r.writable_fd,0}catch(_){if(typeof FS>"u"||_.name!=="ErrnoError")throw _;return-_.errno}}___syscall_pipe2.sig="ipi";var pollOne=(e,t)=>{var r=FS.getStream(e);if(!r)return 32;var _=r.stream_ops?.poll?.(r)??5;return _&(56|t)},doPollSync=(e,t)=>{for(var r=0,_=0,n=e;_<t;_++,n+=8){var a=pollOne(HEAP32[n>>2],HEAP16[n+4>>1]);a&&r++,HEAP16[n+6>>1]=a}return r};function ___syscall_poll(e,t){try{var r=doPollSync(e,t);return r}catch(_){if(typeof FS>"u"||_.name!=="ErrnoError")throw _;return-_.errno}}___syscall_poll.sig="ipii";function ___syscall_readlinkat(e,t,r,_){try{if(t=SYSCALLS.getStr(t),t=SYSCALLS.calculateAt(e,t),_<=0)return-28;var n=FS.readlink(t),a=Math.min(_,lengthBytesUTF8(n)),i=HEAP8[r+a];return stringToUTF8(n,r,_+1),HEAP8[r+a]=i,a}catch(l){if(typeof FS>"u"||l.name!=="ErrnoError")throw l;return-l.errno}}___syscall_readlinkat.sig="iippp";function ___syscall_recvfrom(e,t,r,_,n,a){try{var i=getSocketFromFD(e),l=i.sock_ops.recvmsg(i,r,_);return l?(n&&writeSockaddr(n,i.family,l.addr,l.port,a),HEAPU8.set(l.buffer,t),l.buffer.byteLength):0}catch(o){if(typeof FS>"u"||o.name!=="ErrnoError")throw o;return-o.errno}}___syscall_recvfrom.sig="iippipp";function ___syscall_renameat(e,t,r,_){try{return t=SYSCALLS.getStr(t),_=SYSCALLS.getStr(_),t=SYSCALLS.calculateAt(e,t),_=SYSCALLS.calculateAt(r,_),FS.rename(t,_),0}catch(n){if(typeof FS>"u"||n.name!=="ErrnoError")throw n;return-n.errno}}___syscall_renameat.sig="iipip";function ___syscall_rmdir(e){try{return e=SYSCALLS.getStr(e),FS.rmdir(e),0}catch(t){if(typeof FS>"u"||t.name!=="ErrnoError")throw t;return-t.errno}}___syscall_rmdir.sig="ip";function ___syscall_sendto(e,t,r,_,n,a){try{var i=getSocketFromFD(e);if(!n)return FS.write(i.stream,HEAP8,t,r);var l=getSocketAddress(n,a);return i.sock_ops.sendmsg(i,HEAP8,t,r,l.addr,l.port)}catch(o){if(typeof FS>"u"||o.name!=="ErrnoError")throw o;return-o.errno}}___syscall_sendto.sig="iippipi";function ___syscall_socket(e,t,r){try{var _=SOCKFS.createSocket(e,t,r);return _.stream.fd}catch(n){if(typeof FS>"u"||n.name!=="ErrnoError")throw n;return-n.errno}}___syscall_socket.sig="iiiiiii";function ___syscall_stat64(e,t){try{return e=SYSCALLS.getStr(e),SYSCALLS.writeStat(t,FS.stat(e))}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return-r.errno}}___syscall_stat64.sig="ipp";function ___syscall_statfs64(e,t,r){try{return SYSCALLS.writeStatFs(r,FS.statfs(SYSCALLS.getStr(e))),0}catch(_){if(typeof FS>"u"||_.name!=="ErrnoError")throw _;return-_.errno}}___syscall_statfs64.sig="ippp";function ___syscall_symlinkat(e,t,r){try{return e=SYSCALLS.getStr(e),r=SYSCALLS.getStr(r),r=SYSCALLS.calculateAt(t,r),FS.symlink(e,r),0}catch(_){if(typeof FS>"u"||_.name!=="ErrnoError")throw _;return-_.errno}}___syscall_symlinkat.sig="ipip";function ___syscall_truncate64(e,t){t=bigintToI53Checked(t);try{return isNaN(t)?-22:(e=SYSCALLS.getStr(e),FS.truncate(e,t),0)}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return-r.errno}}___syscall_truncate64.sig="ipj";function ___syscall_umask(e){try{var t=SYSCALLS.currentUmask;return SYSCALLS.currentUmask=e,t}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return-r.errno}}___syscall_umask.sig="ii";function ___syscall_unlinkat(e,t,r){try{if(t=SYSCALLS.getStr(t),t=SYSCALLS.calculateAt(e,t),!r)FS.unlink(t);else if(r===512)FS.rmdir(t);else return-28;return 0}catch(_){if(typeof FS>"u"||_.name!=="ErrnoError")throw _;return-_.errno}}___syscall_unlinkat.sig="iipi";var readI53FromI64=e=>HEAPU32[e>>2]+HEAP32[e+4>>2]*4294967296;function ___syscall_utimensat(e,t,r,_){try{var n=_&256;t=SYSCALLS.getStr(t),t=SYSCALLS.calculateAt(e,t,!0);var a,i,l=Date.now();if(!r)a=l,i=l;else{let s=function(c){var p=HEAP32[c+8>>2];if(p==1073741823)return l;if(p==1073741822)return null;var d=readI53FromI64(c);return d*1e3+Math.floor(p/1e6)};var o=s;a=s(r),i=s(r+16)}return(i??a)!==null&&FS.utime(t,a,i,n),0}catch(s){if(typeof FS>"u"||s.name!=="ErrnoError")throw s;return-s.errno}}___syscall_utimensat.sig="iippi";var __abort_js=()=>abort("");__abort_js.sig="v";var dlSetError=e=>{var t=stackSave(),r=stringToUTF8OnStack(e);___dl_seterr(r,0),stackRestore(t)},dlopenInternal=(e,t)=>{var r=UTF8ToString(e+36),_=HEAP32[e+4>>2];r=PATH.normalize(r);var n=!!(_&256),a=n?null:{},i={global:n,nodelete:!!(_&4096),loadAsync:t.loadAsync};if(t.loadAsync)return loadDynamicLibrary(r,i,a,e);try{return loadDynamicLibrary(r,i,a,e)}catch(l){return dlSetError(`could not load dynamic lib: ${r}
${l}`),0}},__dlopen_js=e=>dlopenInternal(e,{loadAsync:!1});__dlopen_js.sig="pp";var __dlsym_js=(e,t,r)=>{t=UTF8ToString(t);var _,n,a=LDSO.loadedLibsByHandle[e];if(n=Object.keys(a.exports).indexOf(t),n==-1||a.exports[t].stub)return dlSetError(`Tried to lookup unknown symbol "${t}" in dynamic lib: ${a.name}`),0;if(_=a.exports[t],typeof _=="function"){var i=getFunctionAddress(_);i?_=i:(_=addFunction(_,_.sig),HEAPU32[r>>2]=n)}return _};__dlsym_js.sig="pppp";var runtimeKeepaliveCounter=0,__emscripten_runtime_keepalive_clear=()=>{noExitRuntime=!1,runtimeKeepaliveCounter=0};__emscripten_runtime_keepalive_clear.sig="v";var __emscripten_throw_longjmp=()=>{throw new EmscriptenSjLj};__emscripten_throw_longjmp.sig="v";function __gmtime_js(e,t){e=bigintToI53Checked(e);var r=new Date(e*1e3);if(isNaN(r.getTime()))return 1;HEAP32[t>>2]=r.getUTCSeconds(),HEAP32[t+4>>2]=r.getUTCMinutes(),HEAP32[t+8>>2]=r.getUTCHours(),HEAP32[t+12>>2]=r.getUTCDate(),HEAP32[t+16>>2]=r.getUTCMonth(),HEAP32[t+20>>2]=r.getUTCFullYear()-1900,HEAP32[t+24>>2]=r.getUTCDay();var _=Date.UTC(r.getUTCFullYear(),0,1,0,0,0,0),n=(r.getTime()-_)/864e5|0;return HEAP32[t+28>>2]=n,0}__gmtime_js.sig="ijp";var isLeapYear=e=>e%4===0&&(e%100!==0||e%400===0),MONTH_DAYS_LEAP_CUMULATIVE=[0,31,60,91,121,152,182,213,244,274,305,335],MONTH_DAYS_REGULAR_CUMULATIVE=[0,31,59,90,120,151,181,212,243,273,304,334],ydayFromDate=e=>{var t=isLeapYear(e.getFullYear()),r=t?MONTH_DAYS_LEAP_CUMULATIVE:MONTH_DAYS_REGULAR_CUMULATIVE,_=r[e.getMonth()]+e.getDate()-1;return _};function __localtime_js(e,t){e=bigintToI53Checked(e);var r=new Date(e*1e3);if(isNaN(r.getTime()))return 1;HEAP32[t>>2]=r.getSeconds(),HEAP32[t+4>>2]=r.getMinutes(),HEAP32[t+8>>2]=r.getHours(),HEAP32[t+12>>2]=r.getDate(),HEAP32[t+16>>2]=r.getMonth(),HEAP32[t+20>>2]=r.getFullYear()-1900,HEAP32[t+24>>2]=r.getDay();var _=ydayFromDate(r)|0;HEAP32[t+28>>2]=_,HEAP32[t+36>>2]=-r.getTimezoneOffset()*60;var n=new Date(r.getFullYear(),0,1),a=new Date(r.getFullYear(),6,1).getTimezoneOffset(),i=n.getTimezoneOffset(),l=(a!=i&&r.getTimezoneOffset()==Math.min(i,a))|0;return HEAP32[t+32>>2]=l,0}__localtime_js.sig="ijp";function __mmap_js(e,t,r,_,n,a,i){n=bigintToI53Checked(n);try{var l=SYSCALLS.getStreamFromFD(_),o=FS.mmap(l,e,n,t,r),s=o.ptr;return HEAP32[a>>2]=o.allocated,HEAPU32[i>>2]=s,0}catch(c){if(typeof FS>"u"||c.name!=="ErrnoError")throw c;return-c.errno}}__mmap_js.sig="ipiiijpp";function __munmap_js(e,t,r,_,n,a){a=bigintToI53Checked(a);try{var i=SYSCALLS.getStreamFromFD(n);r&2&&SYSCALLS.doMsync(e,i,t,_,a)}catch(l){if(typeof FS>"u"||l.name!=="ErrnoError")throw l;return-l.errno}}__munmap_js.sig="ippiiij";var timers={},clearTimers=()=>{for(var e of Object.values(timers))clearTimeout(e.id)},handleException=e=>{if(e instanceof ExitStatus||e=="unwind")return EXITSTATUS;quit_(1,e)},keepRuntimeAlive=()=>noExitRuntime||runtimeKeepaliveCounter>0,_proc_exit=e=>{EXITSTATUS=e,keepRuntimeAlive()||(Module.onExit?.(e),ABORT=!0),quit_(e,new ExitStatus(e))};_proc_exit.sig="vi";var exitJS=e=>{EXITSTATUS=e,keepRuntimeAlive()||exitRuntime(),_proc_exit(e)},_exit=exitJS;_exit.sig="vi";var maybeExit=()=>{if(!runtimeExited&&!keepRuntimeAlive())try{_exit(EXITSTATUS)}catch(e){handleException(e)}},callUserCallback=(e,...t)=>{if(!(runtimeExited||ABORT))try{return e(...t)}catch(r){handleException(r)}finally{maybeExit()}},_emscripten_get_now=()=>performance.now();_emscripten_get_now.sig="d";var __setitimer_js=(e,t)=>{if(timers[e]&&(clearTimeout(timers[e].id),delete timers[e]),!t)return 0;var r=setTimeout(()=>{delete timers[e],callUserCallback(__emscripten_timeout,e,_emscripten_get_now())},t);return timers[e]={id:r,timeout_ms:t},0};__setitimer_js.sig="iid";var __tzset_js=(e,t,r,_)=>{var n=new Date().getFullYear(),a=new Date(n,0,1),i=new Date(n,6,1),l=a.getTimezoneOffset(),o=i.getTimezoneOffset(),s=Math.max(l,o);HEAPU32[e>>2]=s*60,HEAP32[t>>2]=+(l!=o);var c=u=>{var f=u>=0?"-":"+",m=Math.abs(u),y=String(Math.floor(m/60)).padStart(2,"0"),b=String(m%60).padStart(2,"0");return`UTC${f}${y}${b}`},p=c(l),d=c(o);o<l?(stringToUTF8(p,r,17),stringToUTF8(d,_,17)):(stringToUTF8(p,_,17),stringToUTF8(d,r,17))};__tzset_js.sig="vpppp";var _emscripten_date_now=()=>Date.now();_emscripten_date_now.sig="d";var nowIsMonotonic=1,checkWasiClock=e=>e>=0&&e<=3;function _clock_time_get(e,t,r){if(t=bigintToI53Checked(t),!checkWasiClock(e))return 28;var _;if(e===0)_=_emscripten_date_now();else if(nowIsMonotonic)_=_emscripten_get_now();else return 52;var n=Math.round(_*1e6);return HEAP64[r>>3]=BigInt(n),0}_clock_time_get.sig="iijp";var getHeapMax=()=>2147483648,_emscripten_get_heap_max=()=>getHeapMax();_emscripten_get_heap_max.sig="p";var growMemory=e=>{var t=wasmMemory.buffer.byteLength,r=(e-t+65535)/65536|0;try{return wasmMemory.grow(r),updateMemoryViews(),1}catch{}},_emscripten_resize_heap=e=>{var t=HEAPU8.length;e>>>=0;var r=getHeapMax();if(e>r)return!1;for(var _=1;_<=4;_*=2){var n=t*(1+.2/_);n=Math.min(n,e+100663296);var a=Math.min(r,alignMemory(Math.max(e,n),65536)),i=growMemory(a);if(i)return!0}return!1};_emscripten_resize_heap.sig="ip";var ENV={},getExecutableName=()=>thisProgram,getEnvStrings=()=>{if(!getEnvStrings.strings){var e=(globalThis.navigator?.language??"C").replace("-","_")+".UTF-8",t={USER:"web_user",LOGNAME:"web_user",PATH:"/",PWD:"/",HOME:"/home/web_user",LANG:e,_:getExecutableName()};for(var r in ENV)ENV[r]===void 0?delete t[r]:t[r]=ENV[r];var _=[];for(var r in t)_.push(`${r}=${t[r]}`);getEnvStrings.strings=_}return getEnvStrings.strings},_environ_get=(e,t)=>{var r=0,_=0;for(var n of getEnvStrings()){var a=t+r;HEAPU32[e+_>>2]=a,r+=stringToUTF8(n,a,1/0)+1,_+=4}return 0};_environ_get.sig="ipp";var _environ_sizes_get=(e,t)=>{var r=getEnvStrings();HEAPU32[e>>2]=r.length;var _=0;for(var n of r)_+=lengthBytesUTF8(n)+1;return HEAPU32[t>>2]=_,0};_environ_sizes_get.sig="ipp";function _fd_close(e){try{var t=SYSCALLS.getStreamFromFD(e);return FS.close(t),0}catch(r){if(typeof FS>"u"||r.name!=="ErrnoError")throw r;return r.errno}}_fd_close.sig="ii";function _fd_fdstat_get(e,t){try{var r=SYSCALLS.getStreamFromFD(e),_=r.tty?2:FS.isDir(r.mode)?3:FS.isLink(r.mode)?7:4;return HEAP8[t]=_,HEAP16[t+2>>1]=0,HEAP64[t+8>>3]=BigInt(0),HEAP64[t+16>>3]=BigInt(0),0}catch(n){if(typeof FS>"u"||n.name!=="ErrnoError")throw n;return n.errno}}_fd_fdstat_get.sig="iip";var doReadv=(e,t,r,_)=>{for(var n=0,a=0;a<r;a++){var i=HEAPU32[t>>2],l=HEAPU32[t+4>>2];t+=8;try{var o=FS.read(e,HEAP8,i,l,_)}catch(s){if(n>0&&s instanceof FS.ErrnoError&&(s.errno==6||s.errno==6))break;throw s}if(o<0)return-1;if(n+=o,o<l)break;typeof _<"u"&&(_+=o)}return n};function _fd_pread(e,t,r,_,n){_=bigintToI53Checked(_);try{if(isNaN(_))return 22;var a=SYSCALLS.getStreamFromFD(e),i=doReadv(a,t,r,_);return HEAPU32[n>>2]=i,0}catch(l){if(typeof FS>"u"||l.name!=="ErrnoError")throw l;return l.errno}}_fd_pread.sig="iippjp";var doWritev=(e,t,r,_)=>{if(r==1)return FS.write(e,HEAP8,HEAPU32[t>>2],HEAPU32[t+4>>2],_);for(var n=0,a=0,i=t;a<r;a++,i+=8)n+=HEAPU32[i+4>>2];var l=new Uint8Array(n),o=0;for(a=0;a<r;a++,t+=8){var s=HEAPU32[t>>2],c=HEAPU32[t+4>>2];l.set(HEAPU8.subarray(s,s+c),o),o+=c}return FS.write(e,l,0,n,_)};function _fd_pwrite(e,t,r,_,n){_=bigintToI53Checked(_);try{if(isNaN(_))return 22;var a=SYSCALLS.getStreamFromFD(e),i=doWritev(a,t,r,_);return HEAPU32[n>>2]=i,0}catch(l){if(typeof FS>"u"||l.name!=="ErrnoError")throw l;return l.errno}}_fd_pwrite.sig="iippjp";function _fd_read(e,t,r,_){try{var n=SYSCALLS.getStreamFromFD(e),a=doReadv(n,t,r);return HEAPU32[_>>2]=a,0}catch(i){if(typeof FS>"u"||i.name!=="ErrnoError")throw i;return i.errno}}_fd_read.sig="iippp";function _fd_seek(e,t,r,_){t=bigintToI53Checked(t);try{if(isNaN(t))return 22;var n=SYSCALLS.getStreamFromFD(e);return FS.llseek(n,t,r),HEAP64[_>>3]=BigInt(n.position),n.getdents&&!t&&r===0&&(n.getdents=null),0}catch(a){if(typeof FS>"u"||a.name!=="ErrnoError")throw a;return a.errno}}_fd_seek.sig="iijip";function _fd_sync(e){try{var t=SYSCALLS.getStreamFromFD(e),r=t.stream_ops?.fsync?.(t);return r}catch(_){if(typeof FS>"u"||_.name!=="ErrnoError")throw _;return _.errno}}_fd_sync.sig="ii";function _fd_write(e,t,r,_){try{var n=SYSCALLS.getStreamFromFD(e),a=doWritev(n,t,r);return HEAPU32[_>>2]=a,0}catch(i){if(typeof FS>"u"||i.name!=="ErrnoError")throw i;return i.errno}}_fd_write.sig="iippp";var _getaddrinfo=(e,t,r,_)=>{var n=0,a=0,i=0,l=0,o=0,s=0,c;function p(d,u,f,m,y,b){var k,P,M;return P=d===10?28:16,y=d===10?inetNtop6(y):inetNtop4(y),k=_malloc(P),writeSockaddr(k,d,y,b),M=_malloc(32),HEAP32[M+4>>2]=d,HEAP32[M+8>>2]=u,HEAP32[M+12>>2]=f,HEAPU32[M+24>>2]=m,HEAPU32[M+20>>2]=k,d===10?HEAP32[M+16>>2]=28:HEAP32[M+16>>2]=16,HEAP32[M+28>>2]=0,M}if(r&&(i=HEAP32[r>>2],l=HEAP32[r+4>>2],o=HEAP32[r+8>>2],s=HEAP32[r+12>>2]),o&&!s&&(s=o===2?17:6),!o&&s&&(o=s===17?2:1),s||(s=6),o||(o=1),!e&&!t)return-2;if(i&-1088||r&&HEAP32[r>>2]&2&&!e)return-1;if(i&32)return-2;if(o&&o!==1&&o!==2)return-7;if(l!==0&&l!==2&&l!==10)return-6;if(t&&(t=UTF8ToString(t),a=parseInt(t,10),isNaN(a)))return i&1024?-2:-8;if(!e)return l===0&&(l=2),i&1||(l===2?n=_htonl(2130706433):n=[0,0,0,_htonl(1)]),c=p(l,o,s,null,n,a),HEAPU32[_>>2]=c,0;if(e=UTF8ToString(e),n=inetPton4(e),n!==null)if(l===0||l===2)l=2;else if(l===10&&i&8)n=[0,0,_htonl(65535),n],l=10;else return-2;else if(n=inetPton6(e),n!==null)if(l===0||l===10)l=10;else return-2;return n!=null?(c=p(l,o,s,e,n,a),HEAPU32[_>>2]=c,0):i&4?-2:(e=DNS.lookup_name(e),n=inetPton4(e),l===0?l=2:l===10&&(n=[0,0,_htonl(65535),n]),c=p(l,o,s,null,n,a),HEAPU32[_>>2]=c,0)};_getaddrinfo.sig="ipppp";var _getnameinfo=(e,t,r,_,n,a,i)=>{var l=readSockaddr(e,t);if(l.errno)return-6;var o=l.port,s=l.addr;function c(p){var d=!1;if(r&&_){if(p)s=p;else if(i&8)return-2;var u=stringToUTF8(s,r,_);u+1>=_&&(d=!0)}return n&&a&&(o=""+o,u=stringToUTF8(o,n,a),u+1>=a&&(d=!0)),d?-12:0}return r&&_&&!(i&1)?c(DNS.lookup_addr(s)):c(null)};_getnameinfo.sig="ipipipii";var _random_get=(e,t)=>randomFill(HEAPU8.subarray(e,e+t));_random_get.sig="ipp";var stringToNewUTF8=e=>{var t=lengthBytesUTF8(e)+1,r=_malloc(t);return r&&stringToUTF8(e,r,t),r},removeFunction=e=>{functionsInTableMap.delete(getWasmTableEntry(e)),setWasmTableEntry(e,null),freeTableIndexes.push(e)},FS_createPath=(...e)=>FS.createPath(...e),FS_unlink=(...e)=>FS.unlink(...e),FS_createLazyFile=(...e)=>FS.createLazyFile(...e),FS_createDevice=(...e)=>FS.createDevice(...e),setTempRet0=e=>__emscripten_tempret_set(e),_setTempRet0=setTempRet0,getTempRet0=()=>__emscripten_tempret_get(),_getTempRet0=getTempRet0,_emscripten_force_exit=e=>{__emscripten_runtime_keepalive_clear(),_exit(e)};_emscripten_force_exit.sig="vi";var _sched_yield=()=>0;_sched_yield.sig="i";var findMatchingCatch=()=>(setTempRet0(0),0),___cxa_find_matching_catch_2=()=>findMatchingCatch([]);___cxa_find_matching_catch_2.sig="p";var ___cxa_find_matching_catch_3=e=>findMatchingCatch([e]);___cxa_find_matching_catch_3.sig="pp";class ExceptionInfo{constructor(t){this.excPtr=t,this.ptr=t-24}set_type(t){HEAPU32[this.ptr+4>>2]=t}get_type(){return HEAPU32[this.ptr+4>>2]}set_destructor(t){HEAPU32[this.ptr+8>>2]=t}get_destructor(){return HEAPU32[this.ptr+8>>2]}set_caught(t){t=t?1:0,HEAP8[this.ptr+12]=t}get_caught(){return HEAP8[this.ptr+12]!=0}set_rethrown(t){t=t?1:0,HEAP8[this.ptr+13]=t}get_rethrown(){return HEAP8[this.ptr+13]!=0}init(t,r){this.set_adjusted_ptr(0),this.set_type(t),this.set_destructor(r)}set_adjusted_ptr(t){HEAPU32[this.ptr+16>>2]=t}get_adjusted_ptr(){return HEAPU32[this.ptr+16>>2]}}var uncaughtExceptionCount=0,__Unwind_RaiseException=()=>{abort()},___cxa_throw=(e,t,r)=>{var _=new ExceptionInfo(e);_.init(t,r),uncaughtExceptionCount++,__Unwind_RaiseException(e)};___cxa_throw.sig="vppp";var exceptionCaught=[],___cxa_rethrow=()=>{exceptionCaught.length||abort("no exception to throw");var e=exceptionCaught.at(-1),t=e.excPtr;e.set_rethrown(!0),e.set_caught(!1),uncaughtExceptionCount++,__Unwind_RaiseException(t)};___cxa_rethrow.sig="v";var ___cxa_begin_catch=e=>{var t=new ExceptionInfo(e);return t.get_caught()||(t.set_caught(!0),uncaughtExceptionCount--),t.set_rethrown(!1),exceptionCaught.push(t),___cxa_get_exception_ptr(e)};___cxa_begin_catch.sig="pp";var ___cxa_end_catch=()=>{_setThrew(0,0);var e=exceptionCaught.pop();___cxa_decrement_exception_refcount(e.excPtr)};___cxa_end_catch.sig="v";var ___cxa_uncaught_exceptions=()=>uncaughtExceptionCount;___cxa_uncaught_exceptions.sig="i";var ___cxa_current_primary_exception=()=>{if(!exceptionCaught.length)return 0;var e=exceptionCaught[exceptionCaught.length-1];return ___cxa_increment_exception_refcount(e.excPtr),e.excPtr};___cxa_current_primary_exception.sig="p";var ___cxa_rethrow_primary_exception=e=>{if(e){var t=new ExceptionInfo(e);t.set_rethrown(!0),t.set_caught(!1),uncaughtExceptionCount++,__Unwind_RaiseException(e)}};___cxa_rethrow_primary_exception.sig="vp";var __Unwind_Resume=()=>{abort()},___resumeException=e=>{__Unwind_Resume(e)};___resumeException.sig="vp",registerWasmPlugin(),FS.createPreloadedFile=FS_createPreloadedFile,FS.preloadFile=FS_preloadFile,FS.staticInit(),ENVIRONMENT_IS_NODE&&NODEFS.staticInit(),initMemory(),Module.noExitRuntime&&(noExitRuntime=Module.noExitRuntime),Module.print&&(out=Module.print),Module.printErr&&(err=Module.printErr),Module.dynamicLibraries&&(dynamicLibraries=Module.dynamicLibraries),Module.arguments&&(programArgs=Module.arguments),Module.thisProgram&&(thisProgram=Module.thisProgram);var preInit=Module.preInit;if(preInit)for(typeof preInit=="function"&&(Module.preInit=preInit=[preInit]);preInit.length>0;)preInit.shift()();Module.callMain=callMain,Module.stackSave=stackSave,Module.stackRestore=stackRestore,Module.ENV=ENV,Module.addRunDependency=addRunDependency,Module.removeRunDependency=removeRunDependency,Module.addFunction=addFunction,Module.removeFunction=removeFunction,Module.setValue=setValue,Module.getValue=getValue,Module.UTF8ToString=UTF8ToString,Module.stringToNewUTF8=stringToNewUTF8,Module.stringToUTF8OnStack=stringToUTF8OnStack,Module.FS_preloadFile=FS_preloadFile,Module.FS_unlink=FS_unlink,Module.FS_createPath=FS_createPath,Module.FS_createDevice=FS_createDevice,Module.FS=FS,Module.FS_createDataFile=FS_createDataFile,Module.FS_createLazyFile=FS_createLazyFile,Module.MEMFS=MEMFS,Module.PROXYFS=PROXYFS,Module.NODEFS=NODEFS,Module.IDBFS=IDBFS,Module._exit=_exit,Module._setTempRet0=_setTempRet0,Module._getTempRet0=_getTempRet0,Module._emscripten_force_exit=_emscripten_force_exit,Module._sched_yield=_sched_yield,Module.___cxa_find_matching_catch_2=___cxa_find_matching_catch_2,Module.___cxa_find_matching_catch_3=___cxa_find_matching_catch_3,Module.___cxa_throw=___cxa_throw,Module.___cxa_rethrow=___cxa_rethrow,Module.___cxa_begin_catch=___cxa_begin_catch,Module.___cxa_end_catch=___cxa_end_catch,Module.___cxa_uncaught_exceptions=___cxa_uncaught_exceptions,Module.___cxa_current_primary_exception=___cxa_current_primary_exception,Module.___cxa_rethrow_primary_exception=___cxa_rethrow_primary_exception,Module.___resumeException=___resumeException;var ASM_CONSTS={},_palloc0,_RelationGetNumberOfBlocksInFork,_ExtendBufferedRel,_MarkBufferDirty,_XLogBeginInsert,_XLogRegisterData,_XLogRegisterBuffer,_XLogInsert,_UnlockReleaseBuffer,_palloc,_brin_build_desc,_EnterParallelMode,_CreateParallelContext,_GetTransactionSnapshot,_RegisterSnapshot,_table_parallelscan_estimate,_add_size,_tuplesort_estimate_shared,_mul_size,_strlen,_InitializeParallelDSM,_UnregisterSnapshot,_DestroyParallelContext,_ExitParallelMode,_shm_toc_allocate,_ConditionVariableInit,_table_parallelscan_initialize,_tuplesort_initialize_shared,_shm_toc_insert,_LaunchParallelWorkers,_WaitForParallelWorkersToAttach,_s_lock,_ConditionVariableSleep,_ConditionVariableCancelSleep,_tuplesort_performsort,_AllocSetContextCreateInternal,_tuplesort_end,_MemoryContextReset,_brin_deform_tuple,_pfree,_MemoryContextDelete,_errstart_cold,_errmsg_internal,_errfinish,_log_newpage_buffer,_ProcessInterrupts,_errstart,_errcode,_errmsg,_LockBuffer,_ReleaseBuffer,_IndexGetRelation,_table_open,_ReadBufferExtended,_table_close,_build_reloptions,_RelationGetIndexScan,_pgstat_assoc_relation,_palloc0_mul,_index_getprocinfo,_fmgr_info_copy,_FunctionCall4Coll,_palloc_mul,_FunctionCall1Coll,_brin_free_desc,_WaitForParallelWorkersToFinish,_PageGetFreeSpace,_BufferGetBlockNumber,_BuildIndexInfo,_Int64GetDatum,_DirectFunctionCall2Coll,_RecoveryInProgress,_GetUserIdAndSecContext,_SetUserIdAndSecContext,_NewGUCNestLevel,_RestrictSearchPath,_index_open,_object_ownercheck,_aclcheck_error,_AtEOXact_GUC,_relation_close,_errhint,_GetUserId,_ReadBuffer,_shm_toc_lookup,_pgstat_report_activity,_tuplesort_attach_shared,_index_close,_table_beginscan_parallel,_ConditionVariableSignal,_datumCopy,_lookup_type_cache,_get_fn_opclass_options,_log,_pg_detoast_datum,_index_getprocid,_errdetail_internal,_pg_popcount_optimized,_init_local_reloptions,_initStringInfo,_appendStringInfoChar,_appendStringInfo,_FunctionCall2Coll,_SearchSysCache4,_SysCacheGetAttrNotNull,_ReleaseSysCache,_get_opcode,_fmgr_info_cxt,_Float8GetDatum,_numeric_float8,_numeric_sub,_DirectFunctionCall1Coll,_pg_detoast_datum_packed,_pg_qsort,_get_typbyval,_get_typlen,_qsort_arg,_add_local_int_reloption,_getTypeOutputInfo,_fmgr_info,_OutputFunctionCall,_cstring_to_text_with_len,_accumArrayResult,_makeArrayResult,_OidOutputFunctionCall,_cstring_to_text,_PageGetExactFreeSpace,_PageIndexTupleOverwrite,_PageInit,_PageAddItemExtended,_LockRelationForExtension,_UnlockRelationForExtension,_smgropen,_smgrpin,_ItemPointerEquals,_detoast_external_attr,_CreateTemplateTupleDesc,_TupleDescInitEntry,_repalloc,_memcmp,_SearchSysCache1,_get_opfamily_name,_SearchSysCacheList,_check_amproc_signature,_check_amoptsproc_signature,_format_procedure,_format_operator,_check_amop_signature,_identify_opfamily_groups,_format_type_be,_ReleaseCatCacheList,_format_type_with_typemod,_errdetail,_strcmp,_DatumGetEOHP,_EOH_get_flat_size,_EOH_flatten_into,_toast_raw_datum_size,_getmissingattr,_hash_create,_hash_search,_nocachegetattr,_heap_getsysattr,_heap_form_tuple,_heap_modify_tuple,_heap_deform_tuple,_heap_modify_tuple_by_cols,_heap_freetuple,_hash_bytes,_index_form_tuple,_MemoryContextAllocZero,_nocache_index_getattr,_index_deform_tuple,_CopyIndexTuple,_CreateTupleDescTruncatedCopy,_enlargeStringInfo,_slot_getsomeattrs_int,_pg_lltoa,_pg_ltoa,_pq_sendbytes,_pg_printf,_relation_open,_LockRelationOid,_RelationIdGetRelation,_try_relation_open,_SearchSysCacheExists,_UnlockRelationOid,_relation_openrv,_AcceptInvalidationMessages,_RangeVarGetRelidExtended,_RelationClose,_add_reloption_kind,_register_reloptions_validator,_lappend,_pstrdup,_add_int_reloption,_add_real_reloption,_add_enum_reloption,_add_string_reloption,_strdup,_MemoryContextStrdup,_transformRelOptions,_deconstruct_array_builtin,_strncmp,_defGetString,_strchr,_defGetBoolean,_pg_sprintf,_untransformRelOptions,_text_to_cstring,_makeString,_makeDefElem,_heap_reloptions,_index_reloptions,_strcpy,_MemoryContextAlloc,_parse_bool,_parse_int,_parse_real,_pg_strcasecmp,_ScanKeyInit,_dsm_segment_handle,_dsm_create,_dsm_segment_address,_dsa_pin_mapping,_dsm_attach,_dsm_detach,_ShmemInitStruct,_LWLockAcquire,_LWLockRelease,_LWLockConditionalAcquire,_dsa_create_ext,_dsa_allocate_extended,_dsa_get_address,_LWLockInitialize,_dsa_attach,_dsa_free,_dsa_get_total_size,_MemoryContextMemAllocated,_check_stack_depth,_GetCurrentCommandId,_toast_open_indexes,_GetNewOidWithIndex,_heap_insert,_RelationGetIndexList,_list_free,_systable_beginscan,_systable_getnext,_systable_endscan,_toast_close_indexes,_systable_beginscan_ordered,_systable_getnext_ordered,_systable_endscan_ordered,_get_toast_snapshot,_convert_tuples_by_position,_execute_attr_map_tuple,_ExecStoreVirtualTuple,_bms_is_member,_bms_add_member,_free_conversion_map,_CreateTupleDescCopy,_FreeTupleDesc,_ResourceOwnerEnlarge,_ResourceOwnerRemember,_DecrTupleDescRefCount,_ResourceOwnerForget,_datumIsEqual,_equalRowTypes,_hashRowType,_namestrcpy,_TupleDescInitEntryCollation,_BuildDescFromLists,_stringToNode,_psprintf,_pg_detoast_datum_copy,_get_typlenbyvalalign,_deconstruct_array,_ginCompareAttEntries,_repalloc_huge,_GinDataLeafPageGetItems,_tbm_add_tuples,_ginPostingListDecode,_ItemPointerCompare,_gintuple_get_attrnum,_gintuple_get_key,_LockPage,_UnlockPage,_vacuum_delay_point,_RecordFreeIndexPage,_IndexFreeSpaceMapVacuum,_repalloc_mul,_initGinState,_pg_prng_double,_pgstat_progress_update_param,_log_newpage_range,_GetFreeIndexPage,_ConditionalLockBuffer,_LockBufferForCleanup,_ReadNextFullTransactionId,_PageIndexMultiDelete,_list_make1_impl,_list_delete_first,_lcons,_pow,_smgrnblocks,_list_free_deep,_BufFileCreateTemp,_BufFileWrite,_BufFileReadExact,_BufFileClose,_pairingheap_remove_first,_pairingheap_add,_float_overflow_error,_float8_cmp_internal,_float_underflow_error,_DirectFunctionCall5Coll,_pairingheap_allocate,_get_func_rettype,_OidFunctionCall1Coll,_GenerationContextCreate,_block_range_read_stream_cb,_read_stream_begin_relation,_read_stream_next_buffer,_read_stream_end,_estimate_rel_size,__hash_spareindex,__hash_getbuf,__hash_relbuf,__hash_get_indextuple_hashkey,_hashcharextended,_hashint8,_hashint8extended,_hash_bytes_extended,_hashfloat8,_hashfloat8extended,_pg_newlocale_from_collation,__hash_ovflblkno_to_bitno,__hash_get_totalbuckets,_hash_destroy,_list_append_unique_oid,_list_member_oid,_CommandCounterIncrement,_get_opclass_input_type,_list_concat_copy,_HeapTupleSatisfiesVisibility,_GetAccessStrategy,_FreeAccessStrategy,_heap_getnext,_ExecStoreBufferHeapTuple,_heap_fetch,_HeapTupleSatisfiesVacuum,_GetMultiXactIdMembers,_TransactionIdPrecedes,_GetBulkInsertState,_FreeBulkInsertState,_visibilitymap_clear_locked,_pgstat_count_heap_insert,_heap_multi_insert,_ExecFetchSlotHeapTuple,_heap_delete,_IsInParallelMode,_visibilitymap_pin,_HeapTupleSatisfiesUpdate,_TransactionIdIsCurrentTransactionId,_TransactionIdDidCommit,_UnlockTuple,_TransactionIdIsInProgress,_bms_free,_bms_add_members,_bms_next_member,_bms_overlap,_HeapTupleGetUpdateXid,_heap_lock_tuple,_MultiXactIdPrecedes,_heap_tuple_needs_eventual_freeze,_PrefetchBuffer,_RelationTruncate,_FlushRelationBuffers,_smgrexists,_table_slot_create,_ExecDropSingleTupleTableSlot,_CreateExecutorState,_MakePerTupleExprContext,_ExecPrepareQual,_GetOldestNonRemovableTransactionId,_FormIndexDatum,_FreeExecutorState,_MakeSingleTupleTableSlot,_tuplesort_getdatum,_ExecStoreHeapTuple,_XidInMVCCSnapshot,_bsearch,_XLogRecGetBlockTagExtended,_hash_seq_init,_hash_seq_search,_errcode_for_file_access,_pg_snprintf,_OpenTransientFile,_ftruncate,___errno_location,_pwrite,_CloseTransientFile,_sscanf,_unlink,_fsync_fname,_GetCurrentTimestamp,_get_database_name,_get_namespace_name,_pg_prng_uint32,_GetRecordedFreeSpace,_visibilitymap_get_status,_vac_estimate_reltuples,_WaitLatch,_ResetLatch,_clock_gettime,_WalUsageAccumDiff,_BufferUsageAccumDiff,_appendStringInfoString,_set_errcontext_domain,_errcontext_msg,_visibilitymap_prepare_truncate,_GetIndexAmRoutine,_check_enable_rls,_pg_class_aclcheck,_pg_attribute_aclcheck,_try_index_open,_btboolcmp,_btint2cmp,_btint4cmp,_btint8cmp,_btoidcmp,_btcharcmp,__bt_form_posting,__bt_mkscankey,__bt_checkpage,__bt_compare,__bt_relbuf,__bt_search,__bt_binsrch_insert,__bt_freestack,__bt_metaversion,_get_opfamily_member,_OidFunctionCall2Coll,__bt_allequalimage,___wasm_setjmp_test,_before_shmem_exit,___wasm_setjmp,_cancel_before_shmem_exit,_pg_re_throw,_emscripten_longjmp,_ConditionVariableBroadcast,_datum_image_eq,_time,__bt_check_natts,_strlcpy,_strncpy,_timestamptz_to_str,_XLogRecGetBlockRefInfo,_varstr_cmp,_get_atttype,_getBaseType,_exprType,_GetActiveSnapshot,_errdetail_relkind_not_supported,_table_openrv,_table_slot_callbacks,_clamp_row_est,_pre_format_elog_string,_format_elog_string,_IsTransactionState,_estimate_expression_value,_SetConfigOption,_XLogFlush,_get_call_result_type,_HeapTupleHeaderGetDatum,_GenericXLogStart,_GenericXLogRegisterBuffer,_GenericXLogFinish,_GenericXLogAbort,_errmsg_plural,_ReadNextMultiXactId,_ReadMultiXactIdRange,_MultiXactIdPrecedesOrEquals,_init_MultiFuncCall,_TupleDescGetAttInMetadata,_per_MultiFuncCall,_BuildTupleFromCStrings,_end_MultiFuncCall,_GetCurrentSubTransactionId,_GetSessionUserId,_WaitForBackgroundWorkerShutdown,_RegisterDynamicBackgroundWorker,_appendBinaryStringInfo,_pq_getmsgbyte,_ThrowErrorData,_pq_getmsgint,_pq_getmsgint64,_die,_pqsignal_be,_BackgroundWorkerUnblockSignals,_load_external_function,_BackgroundWorkerInitializeConnectionByOid,_GetDatabaseEncoding,_StartTransactionCommand,_CommitTransactionCommand,_PushActiveSnapshot,_PopActiveSnapshot,_RmgrNotFound,_InitMaterializedSRF,_tuplestore_putvalues,_pread,_lseek,_strspn,_strtoll,_AllocateFile,_fgets,_ferror,_FreeFile,_getpid,_read,_write,_durable_rename,_BlessTupleDesc,_fstat,_superuser_arg,_wal_segment_close,_wal_segment_open,_XLogReaderAllocate,_XLogReadRecord,_XLogReaderFree,_strtoull,_access,_IsAbortedTransactionBlockState,_GetTopFullTransactionId,_GetCurrentFullTransactionId,_GetCurrentTransactionNestLevel,_ResourceOwnerCreate,_AbortCurrentTransaction,_PreventInTransactionBlock,_IsTransactionBlock,_RegisterXactCallback,_UnregisterXactCallback,_RegisterSubXactCallback,_BeginInternalSubTransaction,_ReleaseCurrentSubTransaction,_ResourceOwnerDelete,_RollbackAndReleaseCurrentSubTransaction,_pg_usleep,_close,_ReleaseExternalFD,_GetDefaultCharSignedness,_SplitIdentifierString,_guc_malloc,_find_option,_gettimeofday,_pg_strong_random,_stat,_GetFlushRecPtr,_GetXLogReplayRecPtr,_TimestampDifferenceMilliseconds,_strtoul,_readlink,_pg_fprintf,_fflush,_pgl_system,_wait_result_to_str,_replace_percent_placeholders,_makeStringInfo,_pg_toupper,_numeric_in,_DirectFunctionCall3Coll,_palloc_extended,_pg_vsnprintf,_XLogFindNextRecord,_RestoreBlockImage,_timestamptz_in,_fscanf,_symlink,_ConditionVariableTimedSleep,_ParseDateTime,_DecodeDateTime,_tm2timestamp,_XLogRecStoreStats,_hash_get_num_entries,_read_local_xlog_page_no_wait,_escape_json_with_len,_BufFileSeek,_lstat,_destroyStringInfo,_list_sort,_pgl_geteuid,_getegid,_pg_checksum_page,_CreateDestReceiver,_bbsink_forward_end_archive,_bbsink_forward_begin_manifest,_bbsink_forward_end_manifest,_bbsink_forward_end_backup,_bbsink_forward_cleanup,_MemoryContextAllocExtended,_appendStringInfoVA,_list_concat,_strrchr,_bbsink_forward_begin_backup,_bbsink_forward_archive_contents,_bbsink_forward_begin_archive,_bbsink_forward_manifest_contents,_has_privs_of_role,_BaseBackupAddTarget,_list_copy,_tuplestore_puttuple,_isatty,_makeRangeVar,_DefineIndex,_getc,_fread,_clearerr,_OidInputFunctionCall,_copyObjectImpl,_get_rolespec_oid,_lappend_oid,_get_object_address,_makeTypeNameFromNameList,_SearchSysCacheLocked1,_SearchSysCache2,_SysCacheGetAttr,_CatalogTupleUpdate,_get_attnum,_get_rel_name,_CatalogTupleDelete,_get_namespace_oid,_SearchSysCache3,_performDeletion,_CatalogTupleInsert,_recordDependencyOn,_RunObjectPostAlterHook,_aclcheck_error_col,_get_element_type,_object_aclcheck,_isTempNamespace,_pg_attribute_aclcheck_all,_IsToastNamespace,_IsCatalogNamespace,_superuser,_SearchSysCacheAttName,_LockDatabaseObject,_new_object_addresses,_UnlockDatabaseObject,_free_object_addresses,_performMultipleDeletions,_recordDependencyOnExpr,_get_typ_typrelid,_query_tree_walker_impl,_expression_tree_walker_impl,_add_exact_object_address,_get_rel_relkind,_SystemAttributeDefinition,_get_typtype,_list_delete_last,_type_is_collatable,_CatalogOpenIndexes,_CatalogCloseIndexes,_get_relname_relid,_GetSysCacheOid,_SearchSysCacheCopy,_CheckTableNotInUse,_RelationForgetRelation,_construct_array,_make_parsestate,_addRangeTableEntryForRelation,_addNSItemToQuery,_transformExpr,_coerce_to_boolean,_assign_expr_collations,_pull_var_clause,_get_attname,_equal,_coerce_to_target_type,_nodeToString,_list_delete_nth_cell,_lappend_int,_CatalogTupleInsertWithInfo,_heap_truncate_find_FKs,_list_oid_cmp,_buildint2vector,_buildoidvector,_parser_errposition,_check_functions_in_node,_exprLocation,_exprTypmod,_get_base_element_type,_make_ands_explicit,_SystemFuncName,_CreateTrigger,_plan_create_index_workers,_GetLatestSnapshot,_make_ands_implicit,_get_rel_relispartition,_get_partition_ancestors,_tuplesort_begin_datum,_tuplesort_putdatum,_list_delete_oid,_get_rel_namespace,_ExecOpenIndices,_ExecCloseIndices,_CatalogTupleUpdateWithInfo,_ConditionalLockRelationOid,_RelnameGetRelid,_get_relkind_objtype,_isAnyTempNamespace,_RelationIsVisible,_TypenameGetTypid,_FuncnameGetCandidates,_DeconstructQualifiedName,_get_func_arg_info,_NameListToString,_OpernameGetOprid,_OpclassnameGetOpcid,_OpclassIsVisible,_get_ts_config_oid,_makeRangeVarFromNameList,_quote_identifier,_atoi,_GetSearchPathMatcher,_SearchPathMatchesCurrentEnvironment,_get_collation_oid,_GetDatabaseEncodingName,_CacheRegisterSyscacheCallback,_fetch_search_path,_get_extension_oid,_get_tablespace_oid,_get_role_oid,_get_language_oid,_get_am_oid,_get_index_am_oid,_GetForeignServerByName,_typeStringToTypeName,_makeFloat,_list_make2_impl,_check_object_ownership,_GetUserNameFromId,_format_type_extended,_quote_qualified_identifier,_get_tablespace_name,_GetForeignServerExtended,_GetForeignServer,_get_extension_name,_construct_empty_array,_format_type_be_qualified,_get_namespace_name_or_temp,_list_make3_impl,_get_am_name,_construct_md_array,_pull_varattnos,_makeBoolExpr,_eval_const_expressions,_get_func_name,_construct_array_builtin,_makeObjectName,_get_primary_key_attnos,_check_functional_grouping,_bms_is_subset,_ProcessGUCArray,_LockHeldByMe,_CheckRelationOidLockedByMe,_getExtensionOfObject,_deleteDependencyRecordsFor,_find_inheritance_children,_ActiveSnapshotSet,_find_all_inheritors,_has_superclass,_strstr,_memchr,_get_opname,_build_function_result_tupdesc_t,_CheckFunctionValidatorAccess,_AcquireRewriteLocks,_pg_parse_query,_get_func_result_type,_function_parse_error_transpose,_geterrposition,_getinternalerrposition,_pg_mblen_cstr,_pg_mbstrlen_with_len,_errposition,_internalerrposition,_internalerrquery,_bms_num_members,_list_concat_unique_oid,_ATExecChangeOwner,_quote_literal_cstr,_get_array_type,_pnstrdup,_pg_mbcliplen,_smgrtruncate,_smgrreadv,_NewRelationCreateToastTable,_parse_analyze_fixedparams,_transformStmt,_free_parsestate,_makeFromExpr,_assign_query_collations,_makeTargetEntry,_exprCollation,_transformSortClause,_transformDistinctClause,_ParseFuncOrColumn,_select_common_type,_coerce_to_common_type,_select_common_collation,_contain_vars_of_level,_expandNSItemAttrs,_makeAlias,_addRangeTableEntryForSubquery,_assign_list_collations,_expandNSItemVars,_markTargetListOrigins,_addRangeTableEntryForJoin,_list_truncate,_makeVar,_analyze_requires_snapshot,_makeNullConst,_get_sort_group_operators,_refnameNamespaceItem,_getRTEPermissionInfo,_setup_parser_errposition_callback,_cancel_parser_errposition_callback,_locate_var_of_level,_makeBoolean,_makeInteger,_makeSimpleA_Expr,_makeTypeName,_SystemTypeName,_makeFuncCall,_makeA_Expr,_list_make4_impl,_addTargetToSortList,_locate_agg_of_level,_list_intersection_int,_get_sortgroupclause_tle,_flatten_join_alias_vars,_list_member_int,_list_union_int,_makeFuncExpr,_get_rte_attribute_name,_expression_tree_mutator_impl,_checkNameSpaceConflicts,_addRangeTableEntryForENR,_addRangeTableEntry,_FigureColname,_addRangeTableEntryForFunction,_coerce_to_specific_type,_typenameTypeIdAndMod,_get_typcollation,_markNullableIfNeeded,_markVarForSelectPriv,_coerce_type,_LookupFuncName,_parserOpenTable,_strip_implicit_coercions,_colNameToVar,_op_hashjoinable,_get_commutator,_get_ordering_op_properties,_can_coerce_type,_get_sortgroupref_tle,_assignSortGroupRef,_targetIsInSortList,_contain_aggs_of_level,_find_coercion_pathway,_typeidType,_typeTypeCollation,_typeLen,_typeByVal,_get_type_category_preferred,_makeConst,_lookup_rowtype_tupdesc,_type_is_enum,_verify_common_type,_type_is_range,_bms_del_member,_list_member,_raw_expression_tree_walker_impl,_type_is_rowtype,_scanNSItemForColumn,_make_op,_make_scalar_array_op,_count_nonjunk_tlist_entries,_makeWholeRowVar,_expandRTE,_contain_var_clause,_jsonb_in,_get_func_prokind,_escape_json,_geterrcode,_bit_in,_repalloc0,_bms_union,_varstr_levenshtein_less_equal,_get_atttypetypmodcoll,_raw_parser,_errsave_start,_errsave_finish,_makeColumnDef,_GetDefaultOpClass,_transformIndexStmt,_ChooseRelationName,_deparse_context_for,_deparse_expression,_expression_planner,_scanner_init,_scanner_finish,_core_yylex,_isxdigit,_scanner_isspace,_truncate_identifier,_ScanKeywordLookup,_pg_verifymbstr,_downcase_truncate_identifier,_pg_database_encoding_max_length,_getTypeInputInfo,_RenameSchema,_check_can_set_role,_namein,_BlockSampler_Init,_reservoir_init_selection_state,_reservoir_get_next_S,_sampler_random_fract,_std_typanalyze,_BlockSampler_HasMore,_BlockSampler_Next,_Async_Notify,_RangeVarCallbackMaintainsTable,_make_new_heap,_finish_heap_swap,_RenameRelationInternal,_OpenPipeStream,_pg_is_ascii,_ClosePipeStream,_PreventCommandIfReadOnly,_BeginCopyFrom,_EndCopyFrom,_ProcessCopyOptions,_pg_strtoint64,_CopyFromErrorCallback,_bms_make_singleton,_ExecInitRangeTable,_ExecInitResultRelation,_ExecInitQual,_contain_volatile_functions,_NextCopyFrom,_ExecCloseResultRelations,_ExecCloseRangeTableRelations,_ExecConstraints,_ExecInsertIndexTuples,_build_column_default,_ExecInitExpr,_fileno,_NextCopyFromRawFields,_resetStringInfo,_pq_copymsgbytes,_pg_encoding_max_length,_tolower,_pg_plan_query,_PushCopiedSnapshot,_UpdateActiveSnapshotCommandId,_CreateQueryDesc,_ExecutorStart,_ExecutorFinish,_ExecutorEnd,_FreeQueryDesc,_ExecutorRun,_pg_server_to_any,_fwrite,_CreateTableAsRelExists,_QueryRewrite,_DefineRelation,_rmdir,_atof,_int8in,_oidin,_RemoveObjects,_GetCommandTagEnum,_CreateCommandTag,_GetCommandTagName,_NewExplainState,_ExplainBeginOutput,_ExplainEndOutput,_ExplainOpenGroup,_ExplainPrintPlan,_ExplainIndentText,_ExplainPropertyInteger,_ExplainCloseGroup,_ExplainPropertyFloat,_ExplainPrintTriggers,_ExplainPropertyUInteger,_ExplainPropertyText,_GetConfigOptionByName,_ExplainPrintJITSummary,_ExplainPropertyBool,_InstrEndLoop,_appendStringInfoSpaces,_ExplainQueryText,_ExplainQueryParameters,_get_func_namespace,_escape_xml,_GetExplainExtensionId,_GetExplainExtensionState,_SetExplainExtensionState,_RegisterExtensionExplainOption,_get_extension_schema,_get_function_sibling_type,_GetSysCacheHashValue,_CreateSchemaCommand,_get_rel_type_id,_set_config_option,_pg_any_to_server,_DirectFunctionCall4Coll,_replace_text,_strpbrk,_ProcessUtility,_CleanQuerytext,_GetForeignDataWrapper,_CreateExprContext,_EnsurePortalSnapshotExists,_CheckIndexCompatible,_op_input_types,_ResolveOpClass,_get_opclass_family,_get_opfamily_member_for_cmptype,_pgstat_count_truncate,_SPI_connect,_SPI_exec,_SPI_execute,_SPI_getvalue,_generate_operator_clause,_SPI_finish,_CreateTransientRelDestReceiver,_MemoryContextSetIdentifier,_checkExprHasSubLink,_MemoryContextSetParent,_copyParamList,_SetTuplestoreDestReceiverParams,_tuplestore_rescan,_MemoryContextDeleteChildren,_GetCachedPlan,_makeParamList,_ReleaseCachedPlan,_bms_equal,_func_volatile,_register_label_provider,_DefineSequence,_AlterSequence,_RangeVarCallbackOwnsRelation,_nextval,_textToQualifiedNameList,_nextval_internal,_setval_oid,_tuplestore_gettupleslot,_list_delete,_tuplestore_end,_list_append_unique,_get_rel_relam,_contain_mutable_functions,_RemoveRelations,_ExecuteTruncateGuts,_InitResultRelInfo,_AlterTableLookupRelation,_AlterTable,_AlterTableInternal,_AlterTableGetLockLevel,_pg_get_indexdef_string,_ExecStoreAllNullTuple,_chmod,_ChangeVarNodes,_tuplestore_begin_heap,_tuplestore_puttupleslot,_ExecForceStoreHeapTuple,_ExecUpdateLockMode,_bms_copy,_strtoint,_strtod,_plain_crypt_verify,_ProcessConfigFile,_pgl_exit,_dsa_get_handle,_pg_strncasecmp,_guc_free,_ExecReScan,_ExecAsyncResponse,_ExecAsyncRequestDone,_ExecAsyncRequestPending,_ExprEvalPushStep,_lookup_rowtype_tupdesc_copy,_ExecInitExprWithParams,_ExecInitExprList,_ExecGetResultType,_ExecInitExtraTupleSlot,_MakeExpandedObjectReadOnlyInternal,_tuplesort_puttupleslot,_ArrayGetNItems,_expanded_record_fetch_tupdesc,_expanded_record_fetch_field,_json_validate,_JsonbValueToJsonb,_numeric_out,_boolout,_bool_int4,_lookup_rowtype_tupdesc_domain,_MemoryContextGetParent,_DeleteExpandedObject,_CreateStandaloneExprContext,_ExecFindJunkAttributeInTlist,_standard_ExecutorStart,_ExecInitNode,_standard_ExecutorRun,_standard_ExecutorFinish,_standard_ExecutorEnd,_ExecEndNode,_InstrAlloc,_MakeTupleTableSlot,_ExecWithCheckOptions,_get_typlenbyval,_ExecInitScanTupleSlot,_InputFunctionCall,_list_delete_ptr,_FreeExprContext,_ExecAssignExprContext,_ExecAssignProjectionInfo,_ExecOpenScanRelation,_bms_intersect,_GetAttributeByName,_GetAttributeByNum,_ExecGetReturningSlot,_ExecGetResultRelCheckAsUser,_MemoryContextRegisterResetCallback,_cached_function_compile,_CommandIsReadOnly,_InstrUpdateTupleCount,_tuplesort_begin_heap,_AggCheckCallContext,_tuplesort_gettupleslot,_bms_del_members,_AddWaitEventToSet,_GetNumRegisteredWaitEvents,_tuplestore_clear,_get_attstatsslot,_free_attstatsslot,_SharedFileSetInit,_SharedFileSetAttach,_tuplesort_reset,_pairingheap_first,_bms_nonempty_difference,_datum_image_hash,_tuplesort_rescan,_WinGetPartitionLocalMemory,_WinGetCurrentPosition,_WinGetPartitionRowCount,_WinGetFuncArgInPartition,_WinGetFuncArgCurrent,_SPI_connect_ext,_SPI_commit,_CopyErrorData,_FlushErrorState,_ReThrowError,_SPI_commit_and_chain,_SPI_rollback,_SPI_rollback_and_chain,_SPI_freetuptable,_SPI_execute_extended,_SPI_execute_plan,_SPI_execp,_SPI_execute_plan_extended,_SPI_execute_plan_with_paramlist,_SPI_execute_with_args,_SPI_prepare,_SPI_prepare_extended,_SPI_keepplan,_SPI_saveplan,_SPI_freeplan,_SPI_copytuple,_SPI_returntuple,_SPI_modifytuple,_SPI_fnumber,_SPI_fname,_SPI_getbinval,_SPI_gettype,_SPI_gettypeid,_SPI_getrelname,_SPI_palloc,_SPI_repalloc,_SPI_pfree,_SPI_datumTransfer,_datumTransfer,_SPI_cursor_open_with_args,_SPI_cursor_open_with_paramlist,_SPI_cursor_parse_open,_SPI_cursor_find,_SPI_cursor_fetch,_SPI_scroll_cursor_fetch,_SPI_scroll_cursor_move,_SPI_cursor_close,_SPI_plan_is_valid,_SPI_result_code_string,_SPI_plan_get_plan_sources,_SPI_plan_get_cached_plan,_SPI_register_relation,_create_queryEnv,_register_ENR,_SPI_register_trigger_data,_tuplestore_tuple_count,_GetUserMapping,_GetForeignTable,_GetForeignColumnOptions,_initClosestMatch,_updateClosestMatch,_getClosestMatch,_GetExistingLocalJoinPath,_pathkeys_contained_in,_bloom_create,_bloom_free,_bloom_add_element,_bloom_lacks_element,_bloom_prop_bits_set,_dshash_create,_dshash_attach,_dshash_detach,_dshash_destroy,_dshash_get_hash_table_handle,_dshash_find,_dshash_find_or_insert,_dshash_delete_key,_dshash_release_lock,_tag_hash,_dshash_seq_init,_dshash_seq_next,_dshash_seq_term,_dshash_delete_current,_ldexp,_pg_b64_enc_len,_pg_b64_encode,_strtol,_gai_strerror,_bind,_pgl_connect,_pgl_send,_pgl_recv,_sendto,_select,_recvfrom,_be_lo_unlink,_text_to_cstring_buffer,_feof,_pg_mb2wchar_with_len,_pg_regcomp,_pg_regerror,_strcat,_freeaddrinfo,_pgl_getsockname,_pgl_setsockopt,_pgl_fcntl,_listen,_accept,_utime,_pq_buffer_remaining_data,_pgl_getsockopt,_pq_sendtext,_pq_sendfloat4,_pq_sendfloat8,_pq_begintypsend,_pq_endtypsend,_pq_getmsgfloat4,_pq_getmsgfloat8,_pq_getmsgtext,_pg_strtoint32,_main,_pgl_getuid,_getenv,_bms_membership,_RegisterExtensibleNodeMethods,_list_make5_impl,_GetMemoryChunkContext,_list_insert_nth,_list_member_ptr,_list_delete_int,_list_intersection,_list_append_unique_ptr,_list_append_unique_int,_list_concat_unique_int,_make_opclause,_exprIsLengthCoercion,_fix_opfuncids,_outToken,_outNode,_appendStringInfoStringQuoted,_EnableQueryId,_nodeRead,_pg_strtok,_debackslash,_exp2,_find_base_rel,_add_path,_create_sort_path,_set_baserel_size_estimates,_get_func_support,_clauselist_selectivity,_get_tablespace_page_costs,_cost_qual_eval,_pull_varnos,_estimate_num_groups,_cost_sort,_get_sortgrouplist_exprs,_get_attavgwidth,_make_restrictinfo,_setup_eclass_member_iterator,_eclass_member_iterator_next,_remove_nulling_relids,_get_mergejoin_opfamilies,_generate_implied_equalities_for_column,_eclass_useful_for_merging,_join_clause_is_movable_to,_get_plan_rowmark,_is_pseudo_constant_for_index,_update_mergeclause_eclasses,_pull_vars_of_level,_find_join_rel,_make_canonical_pathkey,_get_sortgroupref_clause_noerr,_extract_actual_clauses,_tlist_member,_change_plan_targetlist,_make_foreignscan,_IncrementVarSublevelsUp,_op_mergejoinable,_find_nonnullable_rels,_setup_simple_rel_arrays,_standard_planner,_get_relids_in_jointree,_SS_process_sublinks,_add_new_columns_to_pathtarget,_get_agg_clause_costs,_grouping_is_sortable,_copy_pathtarget,_create_projection_path,_contain_nonstrict_functions,_get_translated_update_targetlist,_add_row_identity_var,_get_rel_all_updated_cols,_get_baserel_parampathinfo,_create_foreignscan_path,_create_foreign_join_path,_create_foreign_upper_path,_adjust_limit_rows_costs,_add_to_flat_tlist,_get_fn_expr_variadic,_get_fn_expr_argtype,_on_shmem_exit,_pgl_shmdt,_pgl_shmctl,_pgl_shmat,_mmap,_pgl_shmget,_pgl_munmap,_SignalHandlerForConfigReload,_SignalHandlerForShutdownRequest,_procsignal_sigusr1_handler,_ConditionalLockDatabaseObject,_RegisterBackgroundWorker,_WaitForBackgroundWorkerStartup,_open,_rename,_GetConfigOption,_puts,_fopen,_fclose,_fputc,_ftello,_malloc,_free,_realloc,_iswprint_l,_iswalpha_l,_iswdigit_l,_isdigit_l,_iswpunct_l,_iswspace_l,_iswlower_l,_iswupper_l,_pg_ascii_tolower,_towlower_l,_tolower_l,_towupper_l,_toupper_l,_pg_reg_getinitialstate,_pg_reg_getfinalstate,_pg_reg_getnumoutarcs,_pg_reg_getoutarcs,_pg_reg_getnumcolors,_pg_reg_colorisbegin,_pg_reg_colorisend,_pg_reg_getnumcharacters,_pg_reg_getcharacters,_dsa_pin,_OutputPluginPrepareWrite,_OutputPluginWrite,_array_contains_nulls,_CacheRegisterRelcacheCallback,_hash_seq_term,_FreeErrorData,_RelidByRelfilenumber,_SnapBuildRestoreSnapshot,_WaitLatchOrSocket,_BufFileCreateFileSet,_BufFileOpenFileSet,_BufFileTell,_ConditionVariablePrepareToSleep,_get_row_security_policies,_extract_variadic_args,_errhidestmt,_errhidecontext,_hash_estimate_size,_ShmemInitHash,_LockBufHdr,_LWLockHeldByMeInMode,_EvictUnpinnedBuffer,_EvictAllUnpinnedBuffers,_EvictRelUnpinnedBuffers,_have_free_buffer,_calloc,_BufFileExportFileSet,_BufFileRead,_copy_file,_fdatasync,_truncate,_dup,_AcquireExternalFD,_mkdir,_pgl_popen,_pgl_pclose,_closedir,_opendir,_readdir,_GetNamedDSMSegment,_pgl_atexit,_RequestAddinShmemSpace,_GetRunningTransactionData,_BackendXidGetPid,_pg_numa_init,_sysconf,_pg_numa_query_pages,_pg_get_shmem_pagesize,_LockAcquire,_LockRelease,_pgl_poll,_GetLockmodeName,_LWLockRegisterTranche,_GetNamedLWLockTranche,_LWLockNewTrancheId,_RequestNamedLWLockTranche,_LWLockHeldByMe,_ProcessStartupPacket,_htons,_htonl,_pgl_startPGlite,_pgl_pq_flush,_pgl_getMyProcPort,_pgl_sendConnData,_PostgresMainLongJmp,_PostgresMainLoopOnce,_PostgresSendReadyForQueryIfNecessary,_GetCommandLogLevel,_standard_ProcessUtility,_lookup_ts_dictionary_cache,_get_tsearch_config_filename,_str_tolower,_readstoplist,_searchstoplist,_tsearch_readline_begin,_tsearch_readline,_tsearch_readline_end,_stringToQualifiedNameList,_getTSCurrentConfig,_to_tsvector_byid,_t_isalnum_with_len,_isalnum,_t_isalnum_cstr,_pg_mblen_unbounded,_get_restriction_variable,_pg_mblen_range,_MemoryContextAllocHuge,_fseek,_WaitEventExtensionNew,_regprocedurein,_is_member_of_role,_expand_array,_exp,_arraycontsel,_arraycontjoinsel,_initArrayResult,_array_create_iterator,_array_iterate,_array_free_iterator,_ArrayGetIntegerTypmods,_boolin,___multi3,_cash_cmp,_int64_to_numeric,_numeric_div,_numeric_round,_numeric_int8,_numeric_mul,_j2date,_EncodeDateOnly,_EncodeSpecialDate,_date_eq,_date_lt,_date_le,_date_gt,_date_ge,_date_cmp,_date_mi,_timestamp2tm,_time2tm,_EncodeTimeOnly,_time_eq,_time_lt,_time_le,_time_gt,_time_ge,_time_cmp,_time_mi_time,_timetz2tm,_timetz_cmp,_pg_tolower,_EncodeDateTime,_TransferExpandedObject,_forkname_to_number,_numeric_lt,_numeric_abs,_numeric_add,_numeric_ge,_err_generic_string,_domain_check,_enum_lt,_enum_le,_enum_ge,_enum_gt,_enum_cmp,_make_expanded_record_from_typeid,_make_expanded_record_from_tupdesc,_make_expanded_record_from_exprecord,_expanded_record_set_tuple,_expanded_record_get_tuple,_deconstruct_expanded_record,_expanded_record_lookup_field,_expanded_record_set_field_internal,_expanded_record_set_fields,_float4in_internal,_strtof,_float_to_shortest_decimal_buf,_float8in,_float8in_internal,_float8out,_float8out_internal,_float8pl,_float4_cmp_internal,_btfloat4cmp,_btfloat8cmp,_dtoi4,_dtoi2,_cbrt,_dexp,_log10,_dacos,_acos,_dasin,_asin,_datan,_atan,_datan2,_atan2,_dcos,_cos,_dcot,_tan,_dsin,_sin,_dtan,_fmod,_degrees,_dpi,_radians,_sinh,_cosh,_tanh,_asinh,_acosh,_atanh,_float8_accum,_float8_stddev_pop,_float8_stddev_samp,_asc_tolower,_pg_strfold,_numeric_power,_dtoi8,_int8out,_fseeko,_int4in,_int4_bool,_int8pl,_int84,_int82,_json_in,_EncodeSpecialTimestamp,_pushJsonbValue,_numeric_int2,_numeric_int4,_numeric_float4,_numeric_normalize,_numeric_cmp,_numeric_eq,_hash_numeric,_hash_numeric_extended,_int2_numeric,_int4_numeric,_int8_numeric,_float4_numeric,_float8_numeric,_numeric_uminus,_numeric_is_nan,_numeric_ceil,_numeric_floor,_timestamp_cmp,_macaddr_cmp,_macaddr_lt,_macaddr_le,_macaddr_eq,_macaddr_ge,_macaddr_gt,_macaddr8_cmp,_macaddr8_lt,_macaddr8_le,_macaddr8_eq,_macaddr8_ge,_macaddr8_gt,_current_query,_generate_collation_name,_get_fn_expr_arg_stable,_unpack_sql_state,_get_fn_expr_rettype,_btnamecmp,_inet_in,_network_cmp,_convert_network_to_scalar,_numeric_sign,_numeric_gt,_numeric_le,_numeric_mod,_numeric_sqrt,___divti3,_numeric_exp,_numeric_ln,_numeric_log,_numeric_float8_no_overflow,_oidout,_btrim1,_ltrim1,_rtrim1,_tuplesort_skiptuples,_interval_mi,_setlocale,_newlocale,_strftime_l,_freelocale,_pg_utf_mblen_private,_uselocale,_strcoll_l,_strxfrm_l,_drandom,_quote_ident,_textregexeq,_text_substr,_pg_wchar2mb_with_len,_regexp_split_to_array,_regclassin,_regtypeout,_regconfigout,_pg_get_indexdef_columns_extended,_pg_get_querydef,_strcspn,_generic_restriction_selectivity,_genericcostestimate,_tidin,_tidout,_timestamp_in,_timestamp_eq,_timestamp_lt,_timestamp_gt,_timestamp_le,_timestamp_ge,_interval_eq,_interval_lt,_interval_gt,_interval_le,_interval_ge,_interval_cmp,_timestamp_mi,_interval_um,_tsquery_requires_match,_TS_execute_ternary,_has_fn_opclass_options,_uuid_in,_uuid_out,_uuid_cmp,_gen_random_uuid,_varbit_in,_biteq,_bitlt,_bitle,_bitgt,_bitge,_bitcmp,_bitlength,_bpchareq,_bpcharlt,_bpcharle,_bpchargt,_bpcharge,_bpcharcmp,_pg_detoast_datum_slice,_text_substr_no_len,_texteq,_text_lt,_text_le,_text_gt,_text_ge,_bttextcmp,_byteaeq,_bytealt,_byteale,_byteagt,_byteage,_byteacmp,_to_hex32,_text_left,_text_right,_text_reverse,_varstr_levenshtein,_wcslen,_pg_xml_init,_xml_ereport,_pg_xml_done,_pg_do_encoding_conversion,_CreateCacheMemoryContext,_cfunc_resolve_polymorphic_argtypes,_get_typsubscript,_CachedPlanAllowsSimpleValidityCheck,_CachedPlanIsSimplyValid,_GetCachedExpression,_FreeCachedExpression,_ReleaseAllPlanCacheRefsInOwner,_SearchSysCache,_lookup_rowtype_tupdesc_noerror,_abort,_in_error_recursion_trouble,_pg_vfprintf,_pgl_longjmp,_openlog,_syslog,_GetErrorContextStack,_closelog,_dlsym,_dlopen,_dlerror,_dlclose,_find_rendezvous_variable,_CallerFInfoFunctionCall1,_CallerFInfoFunctionCall2,_FunctionCall0Coll,_RelationNameGetTupleDesc,_memcpy,_hash_freeze,_chdir,_pg_bindtextdomain,_pg_mblen,_check_encoding_conversion_args,_DefineCustomBoolVariable,_DefineCustomIntVariable,_DefineCustomRealVariable,_DefineCustomStringVariable,_DefineCustomEnumVariable,_MarkGUCPrefixReserved,_sampler_random_init_state,_dsa_trim,_pchomp,_PinPortal,_UnpinPortal,___lshrti3,_realpath,_float_to_shortest_decimal_bufn,_IsValidJsonNumber,_pg_prng_uint64,_makeStringInfoExt,_initStringInfoExt,_pgl_getpwuid,_getcwd,_pthread_mutex_lock,_localeconv,_pthread_mutex_unlock,_nanosleep,_sigaction,_strchrnul,_snprintf,_strerror_r,_clear_setitimer,_pgl_setPGliteActive,_pgl_siglongjmp,_pgl_set_system_fn,_pgl_set_popen_fn,_pgl_set_pclose_fn,_pgl_run_atexit_funcs,_pgl_freopen,_fiprintf,_pgl_set_rw_cbs,_vfprintf,_pthread_key_create,_pthread_getspecific,_pthread_key_delete,_pthread_setspecific,_toupper,_iconv_open,_iconv_close,_iconv,_pthread_mutex_init,_pthread_mutex_destroy,_pthread_cond_init,_pthread_cond_destroy,_pthread_self,_pthread_cond_wait,_pthread_cond_signal,_pthread_once,___cxa_atexit,_fputs,_vsnprintf,___small_fprintf,_zcalloc,_zcfree,___dynamic_cast,___cxa_pure_virtual,_modf,_localtime_r,_strncat,_munmap,___ctype_get_mb_cur_max,___ctype_tolower_loc,___ctype_toupper_loc,_fdopen,_sqrt,_acosl,_aligned_alloc,_atan2l,___funcs_on_exit,_atexit,___cxa_finalize,_btowc,_clock,_scalbn,_cosl,_dladdr,___dl_seterr,_duplocale,__emscripten_find_dylib,_memmove,_memset,_fchmod,_fchmodat,_fchown,_fcntl,_fdopendir,_fmax,_fmin,_fputwc,_frexp,_ftell,_getentropy,_geteuid,_getgid,_mbtowc,_getuid,_getwc,_gmtime,_hypot,_mbrtowc,_ioctl,_isalpha,_isgraph,_isspace,_iswblank_l,_iswcntrl_l,_iswxdigit_l,_isxdigit_l,_pthread_cond_broadcast,_pthread_atfork,_pthread_mutex_trylock,_pthread_create,_pthread_join,_pthread_cond_timedwait,_pthread_detach,_link,_llround,_localtime,_log2,_logb,_lround,_mbrlen,_mbsnrtowcs,_mbsrtowcs,_memmem,_memrchr,_emscripten_builtin_memalign,_socket,_nextafter,_nextafterf,_ntohs,_openat,_pathconf,_perror,_iprintf,___small_printf,_pthread_mutexattr_getprotocol,_pthread_mutexattr_getpshared,_pthread_mutexattr_getrobust,_pthread_mutexattr_gettype,_pthread_mutexattr_destroy,_pthread_mutexattr_init,_pthread_mutexattr_setprotocol,_pthread_mutexattr_setpshared,_pthread_mutexattr_settype,_putchar,_qsort,_srand,_rand,_remainder,_remove,_remquo,_round,_roundf,__emscripten_timeout,_sinl,_siprintf,_sqrtl,_vsscanf,_statvfs,_strcasecmp,_strerror,_strftime,_strncasecmp,___floatsitf,___multf3,___addtf3,___extenddftf2,___getf2,___subtf3,___divtf3,___eqtf2,___letf2,___trunctfdf2,_strtold,_strtof_l,_strtod_l,_strtold_l,_strtok,_strtoull_l,_strtoll_l,_swprintf,_connect,_trunc,_ungetc,_ungetwc,_unlinkat,_usleep,_utimensat,_vasprintf,_wcrtomb,_wcscoll_l,_wcsnrtombs,_wcstof,_wcstod,_wcstold,_wcstoull,_wcstoll,_wcstoul,_wcstol,_wcsxfrm_l,_wctob,_wmemchr,_wmemcmp,_emscripten_get_sbrk_ptr,___ashlti3,___lttf2,_setThrew,__emscripten_tempret_set,__emscripten_tempret_get,___fixtfsi,__emscripten_stack_restore,__emscripten_stack_alloc,_emscripten_stack_get_current,___cxa_decrement_exception_refcount,___cxa_increment_exception_refcount,___cxa_bad_cast,___cxa_bad_typeid,___cxa_allocate_exception,___cxa_free_exception,___cxa_init_primary_exception,___cxa_get_exception_ptr,___stack_pointer,___table_base,_LocalBufferBlockPointers,_BufferBlocks,_wal_level,_CurrentMemoryContext,___memory_base,_SnapshotAnyData,_debug_query_string,_maintenance_work_mem,__indirect_function_table,_CritSectionCount,_InterruptPending,_ParallelWorkerNumber,_pg_number_of_ones,_TopMemoryContext,_IsUnderPostmaster,_MainLWLockArray,_CurrentResourceOwner,_MyBackendType,_work_mem,_pg_global_prng_state,_NBuffers,_XactIsoLevel,_bsysscan,_CheckXidAlive,_MyProc,_MyDatabaseId,_MyDatabaseTableSpace,_TTSOpsBufferHeapTuple,_RecentXmin,_TTSOpsHeapTuple,_pgWalUsage,_pgBufferUsage,_error_context_stack,_MyLatch,_SnapshotSelfData,___THREW__,___threwValue,_PG_exception_stack,_TTSOpsVirtual,_GUC_check_errdetail_string,_TransamVariables,_TopTransactionContext,_InterruptHoldoffCount,_MyProcPid,_RmgrTable,_process_shared_preload_libraries_in_progress,_wal_segment_size,_TopTransactionResourceOwner,_arch_module_check_errdetail_string,_stdout,_stdin,_creating_extension,_object_access_hook,_InvalidObjectAddress,_check_function_bodies,_post_parse_analyze_hook,_ScanKeywordTokens,_ScanKeywords,_standard_conforming_strings,_None_Receiver,_explain_per_plan_hook,_explain_get_index_name_hook,_explain_per_node_hook,_CacheMemoryContext,_SPI_processed,_SPI_tuptable,_TTSOpsMinimalTuple,_check_password_hook,_ConfigReloadPending,_max_parallel_maintenance_workers,_DateStyle,_ExecutorStart_hook,_ExecutorRun_hook,_ExecutorFinish_hook,_ExecutorEnd_hook,_ExecutorCheckPerms_hook,_SPI_result,_stderr,_MyProcPort,_ClientAuthentication_hook,_set_rel_pathlist_hook,_cpu_tuple_cost,_cpu_operator_cost,_seq_page_cost,_planner_hook,_get_relation_info_hook,_QueryCancelPending,_ShutdownRequestPending,_MyStartTime,_cluster_name,_ProcDiePending,_application_name,_row_security_policy_hook_restrictive,_row_security_policy_hook_permissive,_BufferDescriptors,_shmem_startup_hook,_ProcessUtility_hook,_IntervalStyle,_extra_float_digits,_ScanKeywordCategories,_pg_crc32_table,_shmem_request_hook,_z_errmsg,__length_code,__dist_code,___heap_base,wasmTable;function assignWasmExports(e){_palloc0=Module._palloc0=e.palloc0,_RelationGetNumberOfBlocksInFork=Module._RelationGetNumberOfBlocksInFork=e.RelationGetNumberOfBlocksInFork,_ExtendBufferedRel=Module._ExtendBufferedRel=e.ExtendBufferedRel,_MarkBufferDirty=Module._MarkBufferDirty=e.MarkBufferDirty,_XLogBeginInsert=Module._XLogBeginInsert=e.XLogBeginInsert,_XLogRegisterData=Module._XLogRegisterData=e.XLogRegisterData,_XLogRegisterBuffer=Module._XLogRegisterBuffer=e.XLogRegisterBuffer,_XLogInsert=Module._XLogInsert=e.XLogInsert,_UnlockReleaseBuffer=Module._UnlockReleaseBuffer=e.UnlockReleaseBuffer,_palloc=Module._palloc=e.palloc,_brin_build_desc=Module._brin_build_desc=e.brin_build_desc,_EnterParallelMode=Module._EnterParallelMode=e.EnterParallelMode,_CreateParallelContext=Module._CreateParallelContext=e.CreateParallelContext,_GetTransactionSnapshot=Module._GetTransactionSnapshot=e.GetTransactionSnapshot,_RegisterSnapshot=Module._RegisterSnapshot=e.RegisterSnapshot,_table_parallelscan_estimate=Module._table_parallelscan_estimate=e.table_parallelscan_estimate,_add_size=Module._add_size=e.add_size,_tuplesort_estimate_shared=Module._tuplesort_estimate_shared=e.tuplesort_estimate_shared,_mul_size=Module._mul_size=e.mul_size,_strlen=Module._strlen=e.strlen,_InitializeParallelDSM=Module._InitializeParallelDSM=e.InitializeParallelDSM,_UnregisterSnapshot=Module._UnregisterSnapshot=e.UnregisterSnapshot,_DestroyParallelContext=Module._DestroyParallelContext=e.DestroyParallelContext,_ExitParallelMode=Module._ExitParallelMode=e.ExitParallelMode,_shm_toc_allocate=Module._shm_toc_allocate=e.shm_toc_allocate,_ConditionVariableInit=Module._ConditionVariableInit=e.ConditionVariableInit,_table_parallelscan_initialize=Module._table_parallelscan_initialize=e.table_parallelscan_initialize,_tuplesort_initialize_shared=Module._tuplesort_initialize_shared=e.tuplesort_initialize_shared,_shm_toc_insert=Module._shm_toc_insert=e.shm_toc_insert,_LaunchParallelWorkers=Module._LaunchParallelWorkers=e.LaunchParallelWorkers,_WaitForParallelWorkersToAttach=Module._WaitForParallelWorkersToAttach=e.WaitForParallelWorkersToAttach,_s_lock=Module._s_lock=e.s_lock,_ConditionVariableSleep=Module._ConditionVariableSleep=e.ConditionVariableSleep,_ConditionVariableCancelSleep=Module._ConditionVariableCancelSleep=e.ConditionVariableCancelSleep,_tuplesort_performsort=Module._tuplesort_performsort=e.tuplesort_performsort,_AllocSetContextCreateInternal=Module._AllocSetContextCreateInternal=e.AllocSetContextCreateInternal,_tuplesort_end=Module._tuplesort_end=e.tuplesort_end,_MemoryContextReset=Module._MemoryContextReset=e.MemoryContextReset,_brin_deform_tuple=Module._brin_deform_tuple=e.brin_deform_tuple,_pfree=Module._pfree=e.pfree,_MemoryContextDelete=Module._MemoryContextDelete=e.MemoryContextDelete,_errstart_cold=Module._errstart_cold=e.errstart_cold,_errmsg_internal=Module._errmsg_internal=e.errmsg_internal,_errfinish=Module._errfinish=e.errfinish,_log_newpage_buffer=Module._log_newpage_buffer=e.log_newpage_buffer,_ProcessInterrupts=Module._ProcessInterrupts=e.ProcessInterrupts,_errstart=Module._errstart=e.errstart,_errcode=Module._errcode=e.errcode,_errmsg=Module._errmsg=e.errmsg,_LockBuffer=Module._LockBuffer=e.LockBuffer,_ReleaseBuffer=Module._ReleaseBuffer=e.ReleaseBuffer,_IndexGetRelation=Module._IndexGetRelation=e.IndexGetRelation,_table_open=Module._table_open=e.table_open,_ReadBufferExtended=Module._ReadBufferExtended=e.ReadBufferExtended,_table_close=Module._table_close=e.table_close,_build_reloptions=Module._build_reloptions=e.build_reloptions,_RelationGetIndexScan=Module._RelationGetIndexScan=e.RelationGetIndexScan,_pgstat_assoc_relation=Module._pgstat_assoc_relation=e.pgstat_assoc_relation,_palloc0_mul=Module._palloc0_mul=e.palloc0_mul,_index_getprocinfo=Module._index_getprocinfo=e.index_getprocinfo,_fmgr_info_copy=Module._fmgr_info_copy=e.fmgr_info_copy,_FunctionCall4Coll=Module._FunctionCall4Coll=e.FunctionCall4Coll,_palloc_mul=Module._palloc_mul=e.palloc_mul,_FunctionCall1Coll=Module._FunctionCall1Coll=e.FunctionCall1Coll,_brin_free_desc=Module._brin_free_desc=e.brin_free_desc,_WaitForParallelWorkersToFinish=Module._WaitForParallelWorkersToFinish=e.WaitForParallelWorkersToFinish,_PageGetFreeSpace=Module._PageGetFreeSpace=e.PageGetFreeSpace,_BufferGetBlockNumber=Module._BufferGetBlockNumber=e.BufferGetBlockNumber,_BuildIndexInfo=Module._BuildIndexInfo=e.BuildIndexInfo,_Int64GetDatum=Module._Int64GetDatum=e.Int64GetDatum,_DirectFunctionCall2Coll=Module._DirectFunctionCall2Coll=e.DirectFunctionCall2Coll,_RecoveryInProgress=Module._RecoveryInProgress=e.RecoveryInProgress,_GetUserIdAndSecContext=Module._GetUserIdAndSecContext=e.GetUserIdAndSecContext,_SetUserIdAndSecContext=Module._SetUserIdAndSecContext=e.SetUserIdAndSecContext,_NewGUCNestLevel=Module._NewGUCNestLevel=e.NewGUCNestLevel,_RestrictSearchPath=Module._RestrictSearchPath=e.RestrictSearchPath,_index_open=Module._index_open=e.index_open,_object_ownercheck=Module._object_ownercheck=e.object_ownercheck,_aclcheck_error=Module._aclcheck_error=e.aclcheck_error,_AtEOXact_GUC=Module._AtEOXact_GUC=e.AtEOXact_GUC,_relation_close=Module._relation_close=e.relation_close,_errhint=Module._errhint=e.errhint,_GetUserId=Module._GetUserId=e.GetUserId,_ReadBuffer=Module._ReadBuffer=e.ReadBuffer,_shm_toc_lookup=Module._shm_toc_lookup=e.shm_toc_lookup,_pgstat_report_activity=Module._pgstat_report_activity=e.pgstat_report_activity,_tuplesort_attach_shared=Module._tuplesort_attach_shared=e.tuplesort_attach_shared,_index_close=Module._index_close=e.index_close,_table_beginscan_parallel=Module._table_beginscan_parallel=e.table_beginscan_parallel,_ConditionVariableSignal=Module._ConditionVariableSignal=e.ConditionVariableSignal,_datumCopy=Module._datumCopy=e.datumCopy,_lookup_type_cache=Module._lookup_type_cache=e.lookup_type_cache,_get_fn_opclass_options=Module._get_fn_opclass_options=e.get_fn_opclass_options,_log=Module._log=e.log,_pg_detoast_datum=Module._pg_detoast_datum=e.pg_detoast_datum,_index_getprocid=Module._index_getprocid=e.index_getprocid,_errdetail_internal=Module._errdetail_internal=e.errdetail_internal,_pg_popcount_optimized=Module._pg_popcount_optimized=e.pg_popcount_optimized,_init_local_reloptions=Module._init_local_reloptions=e.init_local_reloptions,_initStringInfo=Module._initStringInfo=e.initStringInfo,_appendStringInfoChar=Module._appendStringInfoChar=e.appendStringInfoChar,_appendStringInfo=Module._appendStringInfo=e.appendStringInfo,_FunctionCall2Coll=Module._FunctionCall2Coll=e.FunctionCall2Coll,_SearchSysCache4=Module._SearchSysCache4=e.SearchSysCache4,_SysCacheGetAttrNotNull=Module._SysCacheGetAttrNotNull=e.SysCacheGetAttrNotNull,_ReleaseSysCache=Module._ReleaseSysCache=e.ReleaseSysCache,_get_opcode=Module._get_opcode=e.get_opcode,_fmgr_info_cxt=Module._fmgr_info_cxt=e.fmgr_info_cxt,_Float8GetDatum=Module._Float8GetDatum=e.Float8GetDatum,_numeric_float8=Module._numeric_float8=e.numeric_float8,_numeric_sub=Module._numeric_sub=e.numeric_sub,_DirectFunctionCall1Coll=Module._DirectFunctionCall1Coll=e.DirectFunctionCall1Coll,_pg_detoast_datum_packed=Module._pg_detoast_datum_packed=e.pg_detoast_datum_packed,_pg_qsort=Module._pg_qsort=e.pg_qsort,_get_typbyval=Module._get_typbyval=e.get_typbyval,_get_typlen=Module._get_typlen=e.get_typlen,_qsort_arg=Module._qsort_arg=e.qsort_arg,_add_local_int_reloption=Module._add_local_int_reloption=e.add_local_int_reloption,_getTypeOutputInfo=Module._getTypeOutputInfo=e.getTypeOutputInfo,_fmgr_info=Module._fmgr_info=e.fmgr_info,_OutputFunctionCall=Module._OutputFunctionCall=e.OutputFunctionCall,_cstring_to_text_with_len=Module._cstring_to_text_with_len=e.cstring_to_text_with_len,_accumArrayResult=Module._accumArrayResult=e.accumArrayResult,_makeArrayResult=Module._makeArrayResult=e.makeArrayResult,_OidOutputFunctionCall=Module._OidOutputFunctionCall=e.OidOutputFunctionCall,_cstring_to_text=Module._cstring_to_text=e.cstring_to_text,_PageGetExactFreeSpace=Module._PageGetExactFreeSpace=e.PageGetExactFreeSpace,_PageIndexTupleOverwrite=Module._PageIndexTupleOverwrite=e.PageIndexTupleOverwrite,_PageInit=Module._PageInit=e.PageInit,_PageAddItemExtended=Module._PageAddItemExtended=e.PageAddItemExtended,_LockRelationForExtension=Module._LockRelationForExtension=e.LockRelationForExtension,_UnlockRelationForExtension=Module._UnlockRelationForExtension=e.UnlockRelationForExtension,_smgropen=Module._smgropen=e.smgropen,_smgrpin=Module._smgrpin=e.smgrpin,_ItemPointerEquals=Module._ItemPointerEquals=e.ItemPointerEquals,_detoast_external_attr=Module._detoast_external_attr=e.detoast_external_attr,_CreateTemplateTupleDesc=Module._CreateTemplateTupleDesc=e.CreateTemplateTupleDesc,_TupleDescInitEntry=Module._TupleDescInitEntry=e.TupleDescInitEntry,_repalloc=Module._repalloc=e.repalloc,_memcmp=Module._memcmp=e.memcmp,_SearchSysCache1=Module._SearchSysCache1=e.SearchSysCache1,_get_opfamily_name=Module._get_opfamily_name=e.get_opfamily_name,_SearchSysCacheList=Module._SearchSysCacheList=e.SearchSysCacheList,_check_amproc_signature=Module._check_amproc_signature=e.check_amproc_signature,_check_amoptsproc_signature=Module._check_amoptsproc_signature=e.check_amoptsproc_signature,_format_procedure=Module._format_procedure=e.format_procedure,_format_operator=Module._format_operator=e.format_operator,_check_amop_signature=Module._check_amop_signature=e.check_amop_signature,_identify_opfamily_groups=Module._identify_opfamily_groups=e.identify_opfamily_groups,_format_type_be=Module._format_type_be=e.format_type_be,_ReleaseCatCacheList=Module._ReleaseCatCacheList=e.ReleaseCatCacheList,_format_type_with_typemod=Module._format_type_with_typemod=e.format_type_with_typemod,_errdetail=Module._errdetail=e.errdetail,_strcmp=Module._strcmp=e.strcmp,_DatumGetEOHP=Module._DatumGetEOHP=e.DatumGetEOHP,_EOH_get_flat_size=Module._EOH_get_flat_size=e.EOH_get_flat_size,_EOH_flatten_into=Module._EOH_flatten_into=e.EOH_flatten_into,_toast_raw_datum_size=Module._toast_raw_datum_size=e.toast_raw_datum_size,_getmissingattr=Module._getmissingattr=e.getmissingattr,_hash_create=Module._hash_create=e.hash_create,_hash_search=Module._hash_search=e.hash_search,_nocachegetattr=Module._nocachegetattr=e.nocachegetattr,_heap_getsysattr=Module._heap_getsysattr=e.heap_getsysattr,_heap_form_tuple=Module._heap_form_tuple=e.heap_form_tuple,_heap_modify_tuple=Module._heap_modify_tuple=e.heap_modify_tuple,_heap_deform_tuple=Module._heap_deform_tuple=e.heap_deform_tuple,_heap_modify_tuple_by_cols=Module._heap_modify_tuple_by_cols=e.heap_modify_tuple_by_cols,_heap_freetuple=Module._heap_freetuple=e.heap_freetuple,_hash_bytes=Module._hash_bytes=e.hash_bytes,_index_form_tuple=Module._index_form_tuple=e.index_form_tuple,_MemoryContextAllocZero=Module._MemoryContextAllocZero=e.MemoryContextAllocZero,_nocache_index_getattr=Module._nocache_index_getattr=e.nocache_index_getattr,_index_deform_tuple=Module._index_deform_tuple=e.index_deform_tuple,_CopyIndexTuple=Module._CopyIndexTuple=e.CopyIndexTuple,_CreateTupleDescTruncatedCopy=Module._CreateTupleDescTruncatedCopy=e.CreateTupleDescTruncatedCopy,_enlargeStringInfo=Module._enlargeStringInfo=e.enlargeStringInfo,_slot_getsomeattrs_int=Module._slot_getsomeattrs_int=e.slot_getsomeattrs_int,_pg_lltoa=Module._pg_lltoa=e.pg_lltoa,_pg_ltoa=Module._pg_ltoa=e.pg_ltoa,_pq_sendbytes=Module._pq_sendbytes=e.pq_sendbytes,_pg_printf=Module._pg_printf=e.pg_printf,_relation_open=Module._relation_open=e.relation_open,_LockRelationOid=Module._LockRelationOid=e.LockRelationOid,_RelationIdGetRelation=Module._RelationIdGetRelation=e.RelationIdGetRelation,_try_relation_open=Module._try_relation_open=e.try_relation_open,_SearchSysCacheExists=Module._SearchSysCacheExists=e.SearchSysCacheExists,_UnlockRelationOid=Module._UnlockRelationOid=e.UnlockRelationOid,_relation_openrv=Module._relation_openrv=e.relation_openrv,_AcceptInvalidationMessages=Module._AcceptInvalidationMessages=e.AcceptInvalidationMessages,_RangeVarGetRelidExtended=Module._RangeVarGetRelidExtended=e.RangeVarGetRelidExtended,_RelationClose=Module._RelationClose=e.RelationClose,_add_reloption_kind=Module._add_reloption_kind=e.add_reloption_kind,_register_reloptions_validator=Module._register_reloptions_validator=e.register_reloptions_validator,_lappend=Module._lappend=e.lappend,_pstrdup=Module._pstrdup=e.pstrdup,_add_int_reloption=Module._add_int_reloption=e.add_int_reloption,_add_real_reloption=Module._add_real_reloption=e.add_real_reloption,_add_enum_reloption=Module._add_enum_reloption=e.add_enum_reloption,_add_string_reloption=Module._add_string_reloption=e.add_string_reloption,_strdup=Module._strdup=e.strdup,_MemoryContextStrdup=Module._MemoryContextStrdup=e.MemoryContextStrdup,_transformRelOptions=Module._transformRelOptions=e.transformRelOptions,_deconstruct_array_builtin=Module._deconstruct_array_builtin=e.deconstruct_array_builtin,_strncmp=Module._strncmp=e.strncmp,_defGetString=Module._defGetString=e.defGetString,_strchr=Module._strchr=e.strchr,_defGetBoolean=Module._defGetBoolean=e.defGetBoolean,_pg_sprintf=Module._pg_sprintf=e.pg_sprintf,_untransformRelOptions=Module._untransformRelOptions=e.untransformRelOptions,_text_to_cstring=Module._text_to_cstring=e.text_to_cstring,_makeString=Module._makeString=e.makeString,_makeDefElem=Module._makeDefElem=e.makeDefElem,_heap_reloptions=Module._heap_reloptions=e.heap_reloptions,_index_reloptions=Module._index_reloptions=e.index_reloptions,_strcpy=Module._strcpy=e.strcpy,_MemoryContextAlloc=Module._MemoryContextAlloc=e.MemoryContextAlloc,_parse_bool=Module._parse_bool=e.parse_bool,_parse_int=Module._parse_int=e.parse_int,_parse_real=Module._parse_real=e.parse_real,_pg_strcasecmp=Module._pg_strcasecmp=e.pg_strcasecmp,_ScanKeyInit=Module._ScanKeyInit=e.ScanKeyInit,_dsm_segment_handle=Module._dsm_segment_handle=e.dsm_segment_handle,_dsm_create=Module._dsm_create=e.dsm_create,_dsm_segment_address=Module._dsm_segment_address=e.dsm_segment_address,_dsa_pin_mapping=Module._dsa_pin_mapping=e.dsa_pin_mapping,_dsm_attach=Module._dsm_attach=e.dsm_attach,_dsm_detach=Module._dsm_detach=e.dsm_detach,_ShmemInitStruct=Module._ShmemInitStruct=e.ShmemInitStruct,_LWLockAcquire=Module._LWLockAcquire=e.LWLockAcquire,_LWLockRelease=Module._LWLockRelease=e.LWLockRelease,_LWLockConditionalAcquire=Module._LWLockConditionalAcquire=e.LWLockConditionalAcquire,_dsa_create_ext=Module._dsa_create_ext=e.dsa_create_ext,_dsa_allocate_extended=Module._dsa_allocate_extended=e.dsa_allocate_extended,_dsa_get_address=Module._dsa_get_address=e.dsa_get_address,_LWLockInitialize=Module._LWLockInitialize=e.LWLockInitialize,_dsa_attach=Module._dsa_attach=e.dsa_attach,_dsa_free=Module._dsa_free=e.dsa_free,_dsa_get_total_size=Module._dsa_get_total_size=e.dsa_get_total_size,_MemoryContextMemAllocated=Module._MemoryContextMemAllocated=e.MemoryContextMemAllocated,_check_stack_depth=Module._check_stack_depth=e.check_stack_depth,_GetCurrentCommandId=Module._GetCurrentCommandId=e.GetCurrentCommandId,_toast_open_indexes=Module._toast_open_indexes=e.toast_open_indexes,_GetNewOidWithIndex=Module._GetNewOidWithIndex=e.GetNewOidWithIndex,_heap_insert=Module._heap_insert=e.heap_insert,_RelationGetIndexList=Module._RelationGetIndexList=e.RelationGetIndexList,_list_free=Module._list_free=e.list_free,_systable_beginscan=Module._systable_beginscan=e.systable_beginscan,_systable_getnext=Module._systable_getnext=e.systable_getnext,_systable_endscan=Module._systable_endscan=e.systable_endscan,_toast_close_indexes=Module._toast_close_indexes=e.toast_close_indexes,_systable_beginscan_ordered=Module._systable_beginscan_ordered=e.systable_beginscan_ordered,_systable_getnext_ordered=Module._systable_getnext_ordered=e.systable_getnext_ordered,_systable_endscan_ordered=Module._systable_endscan_ordered=e.systable_endscan_ordered,_get_toast_snapshot=Module._get_toast_snapshot=e.get_toast_snapshot,_convert_tuples_by_position=Module._convert_tuples_by_position=e.convert_tuples_by_position,_execute_attr_map_tuple=Module._execute_attr_map_tuple=e.execute_attr_map_tuple,_ExecStoreVirtualTuple=Module._ExecStoreVirtualTuple=e.ExecStoreVirtualTuple,_bms_is_member=Module._bms_is_member=e.bms_is_member,_bms_add_member=Module._bms_add_member=e.bms_add_member,_free_conversion_map=Module._free_conversion_map=e.free_conversion_map,_CreateTupleDescCopy=Module._CreateTupleDescCopy=e.CreateTupleDescCopy,_FreeTupleDesc=Module._FreeTupleDesc=e.FreeTupleDesc,_ResourceOwnerEnlarge=Module._ResourceOwnerEnlarge=e.ResourceOwnerEnlarge,_ResourceOwnerRemember=Module._ResourceOwnerRemember=e.ResourceOwnerRemember,_DecrTupleDescRefCount=Module._DecrTupleDescRefCount=e.DecrTupleDescRefCount,_ResourceOwnerForget=Module._ResourceOwnerForget=e.ResourceOwnerForget,_datumIsEqual=Module._datumIsEqual=e.datumIsEqual,_equalRowTypes=Module._equalRowTypes=e.equalRowTypes,_hashRowType=Module._hashRowType=e.hashRowType,_namestrcpy=Module._namestrcpy=e.namestrcpy,_TupleDescInitEntryCollation=Module._TupleDescInitEntryCollation=e.TupleDescInitEntryCollation,_BuildDescFromLists=Module._BuildDescFromLists=e.BuildDescFromLists,_stringToNode=Module._stringToNode=e.stringToNode,_psprintf=Module._psprintf=e.psprintf,_pg_detoast_datum_copy=Module._pg_detoast_datum_copy=e.pg_detoast_datum_copy,_get_typlenbyvalalign=Module._get_typlenbyvalalign=e.get_typlenbyvalalign,_deconstruct_array=Module._deconstruct_array=e.deconstruct_array,_ginCompareAttEntries=Module._ginCompareAttEntries=e.ginCompareAttEntries,_repalloc_huge=Module._repalloc_huge=e.repalloc_huge,_GinDataLeafPageGetItems=Module._GinDataLeafPageGetItems=e.GinDataLeafPageGetItems,_tbm_add_tuples=Module._tbm_add_tuples=e.tbm_add_tuples,_ginPostingListDecode=Module._ginPostingListDecode=e.ginPostingListDecode,_ItemPointerCompare=Module._ItemPointerCompare=e.ItemPointerCompare,_gintuple_get_attrnum=Module._gintuple_get_attrnum=e.gintuple_get_attrnum,_gintuple_get_key=Module._gintuple_get_key=e.gintuple_get_key,_LockPage=Module._LockPage=e.LockPage,_UnlockPage=Module._UnlockPage=e.UnlockPage,_vacuum_delay_point=Module._vacuum_delay_point=e.vacuum_delay_point,_RecordFreeIndexPage=Module._RecordFreeIndexPage=e.RecordFreeIndexPage,_IndexFreeSpaceMapVacuum=Module._IndexFreeSpaceMapVacuum=e.IndexFreeSpaceMapVacuum,_repalloc_mul=Module._repalloc_mul=e.repalloc_mul,_initGinState=Module._initGinState=e.initGinState,_pg_prng_double=Module._pg_prng_double=e.pg_prng_double,_pgstat_progress_update_param=Module._pgstat_progress_update_param=e.pgstat_progress_update_param,_log_newpage_range=Module._log_newpage_range=e.log_newpage_range,_GetFreeIndexPage=Module._GetFreeIndexPage=e.GetFreeIndexPage,_ConditionalLockBuffer=Module._ConditionalLockBuffer=e.ConditionalLockBuffer,_LockBufferForCleanup=Module._LockBufferForCleanup=e.LockBufferForCleanup,_ReadNextFullTransactionId=Module._ReadNextFullTransactionId=e.ReadNextFullTransactionId,_PageIndexMultiDelete=Module._PageIndexMultiDelete=e.PageIndexMultiDelete,_list_make1_impl=Module._list_make1_impl=e.list_make1_impl,_list_delete_first=Module._list_delete_first=e.list_delete_first,_lcons=Module._lcons=e.lcons,_pow=Module._pow=e.pow,_smgrnblocks=Module._smgrnblocks=e.smgrnblocks,_list_free_deep=Module._list_free_deep=e.list_free_deep,_BufFileCreateTemp=Module._BufFileCreateTemp=e.BufFileCreateTemp,_BufFileWrite=Module._BufFileWrite=e.BufFileWrite,_BufFileReadExact=Module._BufFileReadExact=e.BufFileReadExact,_BufFileClose=Module._BufFileClose=e.BufFileClose,_pairingheap_remove_first=Module._pairingheap_remove_first=e.pairingheap_remove_first,_pairingheap_add=Module._pairingheap_add=e.pairingheap_add,_float_overflow_error=Module._float_overflow_error=e.float_overflow_error,_float8_cmp_internal=Module._float8_cmp_internal=e.float8_cmp_internal,_float_underflow_error=Module._float_underflow_error=e.float_underflow_error,_DirectFunctionCall5Coll=Module._DirectFunctionCall5Coll=e.DirectFunctionCall5Coll,_pairingheap_allocate=Module._pairingheap_allocate=e.pairingheap_allocate,_get_func_rettype=Module._get_func_rettype=e.get_func_rettype,_OidFunctionCall1Coll=Module._OidFunctionCall1Coll=e.OidFunctionCall1Coll,_GenerationContextCreate=Module._GenerationContextCreate=e.GenerationContextCreate,_block_range_read_stream_cb=Module._block_range_read_stream_cb=e.block_range_read_stream_cb,_read_stream_begin_relation=Module._read_stream_begin_relation=e.read_stream_begin_relation,_read_stream_next_buffer=Module._read_stream_next_buffer=e.read_stream_next_buffer,_read_stream_end=Module._read_stream_end=e.read_stream_end,_estimate_rel_size=Module._estimate_rel_size=e.estimate_rel_size,__hash_spareindex=Module.__hash_spareindex=e._hash_spareindex,__hash_getbuf=Module.__hash_getbuf=e._hash_getbuf,__hash_relbuf=Module.__hash_relbuf=e._hash_relbuf,__hash_get_indextuple_hashkey=Module.__hash_get_indextuple_hashkey=e._hash_get_indextuple_hashkey,_hashcharextended=Module._hashcharextended=e.hashcharextended,_hashint8=Module._hashint8=e.hashint8,_hashint8extended=Module._hashint8extended=e.hashint8extended,_hash_bytes_extended=Module._hash_bytes_extended=e.hash_bytes_extended,_hashfloat8=Module._hashfloat8=e.hashfloat8,_hashfloat8extended=Module._hashfloat8extended=e.hashfloat8extended,_pg_newlocale_from_collation=Module._pg_newlocale_from_collation=e.pg_newlocale_from_collation,__hash_ovflblkno_to_bitno=Module.__hash_ovflblkno_to_bitno=e._hash_ovflblkno_to_bitno,__hash_get_totalbuckets=Module.__hash_get_totalbuckets=e._hash_get_totalbuckets,_hash_destroy=Module._hash_destroy=e.hash_destroy,_list_append_unique_oid=Module._list_append_unique_oid=e.list_append_unique_oid,_list_member_oid=Module._list_member_oid=e.list_member_oid,_CommandCounterIncrement=Module._CommandCounterIncrement=e.CommandCounterIncrement,_get_opclass_input_type=Module._get_opclass_input_type=e.get_opclass_input_type,_list_concat_copy=Module._list_concat_copy=e.list_concat_copy,_HeapTupleSatisfiesVisibility=Module._HeapTupleSatisfiesVisibility=e.HeapTupleSatisfiesVisibility,_GetAccessStrategy=Module._GetAccessStrategy=e.GetAccessStrategy,_FreeAccessStrategy=Module._FreeAccessStrategy=e.FreeAccessStrategy,_heap_getnext=Module._heap_getnext=e.heap_getnext,_ExecStoreBufferHeapTuple=Module._ExecStoreBufferHeapTuple=e.ExecStoreBufferHeapTuple,_heap_fetch=Module._heap_fetch=e.heap_fetch,_HeapTupleSatisfiesVacuum=Module._HeapTupleSatisfiesVacuum=e.HeapTupleSatisfiesVacuum,_GetMultiXactIdMembers=Module._GetMultiXactIdMembers=e.GetMultiXactIdMembers,_TransactionIdPrecedes=Module._TransactionIdPrecedes=e.TransactionIdPrecedes,_GetBulkInsertState=Module._GetBulkInsertState=e.GetBulkInsertState,_FreeBulkInsertState=Module._FreeBulkInsertState=e.FreeBulkInsertState,_visibilitymap_clear_locked=Module._visibilitymap_clear_locked=e.visibilitymap_clear_locked,_pgstat_count_heap_insert=Module._pgstat_count_heap_insert=e.pgstat_count_heap_insert,_heap_multi_insert=Module._heap_multi_insert=e.heap_multi_insert,_ExecFetchSlotHeapTuple=Module._ExecFetchSlotHeapTuple=e.ExecFetchSlotHeapTuple,_heap_delete=Module._heap_delete=e.heap_delete,_IsInParallelMode=Module._IsInParallelMode=e.IsInParallelMode,_visibilitymap_pin=Module._visibilitymap_pin=e.visibilitymap_pin,_HeapTupleSatisfiesUpdate=Module._HeapTupleSatisfiesUpdate=e.HeapTupleSatisfiesUpdate,_TransactionIdIsCurrentTransactionId=Module._TransactionIdIsCurrentTransactionId=e.TransactionIdIsCurrentTransactionId,_TransactionIdDidCommit=Module._TransactionIdDidCommit=e.TransactionIdDidCommit,_UnlockTuple=Module._UnlockTuple=e.UnlockTuple,_TransactionIdIsInProgress=Module._TransactionIdIsInProgress=e.TransactionIdIsInProgress,_bms_free=Module._bms_free=e.bms_free,_bms_add_members=Module._bms_add_members=e.bms_add_members,_bms_next_member=Module._bms_next_member=e.bms_next_member,_bms_overlap=Module._bms_overlap=e.bms_overlap,_HeapTupleGetUpdateXid=Module._HeapTupleGetUpdateXid=e.HeapTupleGetUpdateXid,_heap_lock_tuple=Module._heap_lock_tuple=e.heap_lock_tuple,_MultiXactIdPrecedes=Module._MultiXactIdPrecedes=e.MultiXactIdPrecedes,_heap_tuple_needs_eventual_freeze=Module._heap_tuple_needs_eventual_freeze=e.heap_tuple_needs_eventual_freeze,_PrefetchBuffer=Module._PrefetchBuffer=e.PrefetchBuffer,_RelationTruncate=Module._RelationTruncate=e.RelationTruncate,_FlushRelationBuffers=Module._FlushRelationBuffers=e.FlushRelationBuffers,_smgrexists=Module._smgrexists=e.smgrexists,_table_slot_create=Module._table_slot_create=e.table_slot_create,_ExecDropSingleTupleTableSlot=Module._ExecDropSingleTupleTableSlot=e.ExecDropSingleTupleTableSlot,_CreateExecutorState=Module._CreateExecutorState=e.CreateExecutorState,_MakePerTupleExprContext=Module._MakePerTupleExprContext=e.MakePerTupleExprContext,_ExecPrepareQual=Module._ExecPrepareQual=e.ExecPrepareQual,_GetOldestNonRemovableTransactionId=Module._GetOldestNonRemovableTransactionId=e.GetOldestNonRemovableTransactionId,_FormIndexDatum=Module._FormIndexDatum=e.FormIndexDatum,_FreeExecutorState=Module._FreeExecutorState=e.FreeExecutorState,_MakeSingleTupleTableSlot=Module._MakeSingleTupleTableSlot=e.MakeSingleTupleTableSlot,_tuplesort_getdatum=Module._tuplesort_getdatum=e.tuplesort_getdatum,_ExecStoreHeapTuple=Module._ExecStoreHeapTuple=e.ExecStoreHeapTuple,_XidInMVCCSnapshot=Module._XidInMVCCSnapshot=e.XidInMVCCSnapshot,_bsearch=Module._bsearch=e.bsearch,_XLogRecGetBlockTagExtended=Module._XLogRecGetBlockTagExtended=e.XLogRecGetBlockTagExtended,_hash_seq_init=Module._hash_seq_init=e.hash_seq_init,_hash_seq_search=Module._hash_seq_search=e.hash_seq_search,_errcode_for_file_access=Module._errcode_for_file_access=e.errcode_for_file_access,_pg_snprintf=Module._pg_snprintf=e.pg_snprintf,_OpenTransientFile=Module._OpenTransientFile=e.OpenTransientFile,_ftruncate=Module._ftruncate=e.ftruncate,___errno_location=Module.___errno_location=e.__errno_location,_pwrite=Module._pwrite=e.pwrite,_CloseTransientFile=Module._CloseTransientFile=e.CloseTransientFile,_sscanf=Module._sscanf=e.sscanf,_unlink=Module._unlink=e.unlink,_fsync_fname=Module._fsync_fname=e.fsync_fname,_GetCurrentTimestamp=Module._GetCurrentTimestamp=e.GetCurrentTimestamp,_get_database_name=Module._get_database_name=e.get_database_name,_get_namespace_name=Module._get_namespace_name=e.get_namespace_name,_pg_prng_uint32=Module._pg_prng_uint32=e.pg_prng_uint32,_GetRecordedFreeSpace=Module._GetRecordedFreeSpace=e.GetRecordedFreeSpace,_visibilitymap_get_status=Module._visibilitymap_get_status=e.visibilitymap_get_status,_vac_estimate_reltuples=Module._vac_estimate_reltuples=e.vac_estimate_reltuples,_WaitLatch=Module._WaitLatch=e.WaitLatch,_ResetLatch=Module._ResetLatch=e.ResetLatch,_clock_gettime=Module._clock_gettime=e.clock_gettime,_WalUsageAccumDiff=Module._WalUsageAccumDiff=e.WalUsageAccumDiff,_BufferUsageAccumDiff=Module._BufferUsageAccumDiff=e.BufferUsageAccumDiff,_appendStringInfoString=Module._appendStringInfoString=e.appendStringInfoString,_set_errcontext_domain=Module._set_errcontext_domain=e.set_errcontext_domain,_errcontext_msg=Module._errcontext_msg=e.errcontext_msg,_visibilitymap_prepare_truncate=Module._visibilitymap_prepare_truncate=e.visibilitymap_prepare_truncate,_GetIndexAmRoutine=Module._GetIndexAmRoutine=e.GetIndexAmRoutine,_check_enable_rls=Module._check_enable_rls=e.check_enable_rls,_pg_class_aclcheck=Module._pg_class_aclcheck=e.pg_class_aclcheck,_pg_attribute_aclcheck=Module._pg_attribute_aclcheck=e.pg_attribute_aclcheck,_try_index_open=Module._try_index_open=e.try_index_open,_btboolcmp=Module._btboolcmp=e.btboolcmp,_btint2cmp=Module._btint2cmp=e.btint2cmp,_btint4cmp=Module._btint4cmp=e.btint4cmp,_btint8cmp=Module._btint8cmp=e.btint8cmp,_btoidcmp=Module._btoidcmp=e.btoidcmp,_btcharcmp=Module._btcharcmp=e.btcharcmp,__bt_form_posting=Module.__bt_form_posting=e._bt_form_posting,__bt_mkscankey=Module.__bt_mkscankey=e._bt_mkscankey,__bt_checkpage=Module.__bt_checkpage=e._bt_checkpage,__bt_compare=Module.__bt_compare=e._bt_compare,__bt_relbuf=Module.__bt_relbuf=e._bt_relbuf,__bt_search=Module.__bt_search=e._bt_search,__bt_binsrch_insert=Module.__bt_binsrch_insert=e._bt_binsrch_insert,__bt_freestack=Module.__bt_freestack=e._bt_freestack,__bt_metaversion=Module.__bt_metaversion=e._bt_metaversion,_get_opfamily_member=Module._get_opfamily_member=e.get_opfamily_member,_OidFunctionCall2Coll=Module._OidFunctionCall2Coll=e.OidFunctionCall2Coll,__bt_allequalimage=Module.__bt_allequalimage=e._bt_allequalimage,___wasm_setjmp_test=Module.___wasm_setjmp_test=e.__wasm_setjmp_test,_before_shmem_exit=Module._before_shmem_exit=e.before_shmem_exit,___wasm_setjmp=Module.___wasm_setjmp=e.__wasm_setjmp,_cancel_before_shmem_exit=Module._cancel_before_shmem_exit=e.cancel_before_shmem_exit,_pg_re_throw=Module._pg_re_throw=e.pg_re_throw,_emscripten_longjmp=Module._emscripten_longjmp=e.emscripten_longjmp,_ConditionVariableBroadcast=Module._ConditionVariableBroadcast=e.ConditionVariableBroadcast,_datum_image_eq=Module._datum_image_eq=e.datum_image_eq,_time=Module._time=e.time,__bt_check_natts=Module.__bt_check_natts=e._bt_check_natts,_strlcpy=Module._strlcpy=e.strlcpy,_strncpy=Module._strncpy=e.strncpy,_timestamptz_to_str=Module._timestamptz_to_str=e.timestamptz_to_str,_XLogRecGetBlockRefInfo=Module._XLogRecGetBlockRefInfo=e.XLogRecGetBlockRefInfo,_varstr_cmp=Module._varstr_cmp=e.varstr_cmp,_get_atttype=Module._get_atttype=e.get_atttype,_getBaseType=Module._getBaseType=e.getBaseType,_exprType=Module._exprType=e.exprType,_GetActiveSnapshot=Module._GetActiveSnapshot=e.GetActiveSnapshot,_errdetail_relkind_not_supported=Module._errdetail_relkind_not_supported=e.errdetail_relkind_not_supported,_table_openrv=Module._table_openrv=e.table_openrv,_table_slot_callbacks=Module._table_slot_callbacks=e.table_slot_callbacks,_clamp_row_est=Module._clamp_row_est=e.clamp_row_est,_pre_format_elog_string=Module._pre_format_elog_string=e.pre_format_elog_string,_format_elog_string=Module._format_elog_string=e.format_elog_string,_IsTransactionState=Module._IsTransactionState=e.IsTransactionState,_estimate_expression_value=Module._estimate_expression_value=e.estimate_expression_value,_SetConfigOption=Module._SetConfigOption=e.SetConfigOption,_XLogFlush=Module._XLogFlush=e.XLogFlush,_get_call_result_type=Module._get_call_result_type=e.get_call_result_type,_HeapTupleHeaderGetDatum=Module._HeapTupleHeaderGetDatum=e.HeapTupleHeaderGetDatum,_GenericXLogStart=Module._GenericXLogStart=e.GenericXLogStart,_GenericXLogRegisterBuffer=Module._GenericXLogRegisterBuffer=e.GenericXLogRegisterBuffer,_GenericXLogFinish=Module._GenericXLogFinish=e.GenericXLogFinish,_GenericXLogAbort=Module._GenericXLogAbort=e.GenericXLogAbort,_errmsg_plural=Module._errmsg_plural=e.errmsg_plural,_ReadNextMultiXactId=Module._ReadNextMultiXactId=e.ReadNextMultiXactId,_ReadMultiXactIdRange=Module._ReadMultiXactIdRange=e.ReadMultiXactIdRange,_MultiXactIdPrecedesOrEquals=Module._MultiXactIdPrecedesOrEquals=e.MultiXactIdPrecedesOrEquals,_init_MultiFuncCall=Module._init_MultiFuncCall=e.init_MultiFuncCall,_TupleDescGetAttInMetadata=Module._TupleDescGetAttInMetadata=e.TupleDescGetAttInMetadata,_per_MultiFuncCall=Module._per_MultiFuncCall=e.per_MultiFuncCall,_BuildTupleFromCStrings=Module._BuildTupleFromCStrings=e.BuildTupleFromCStrings,_end_MultiFuncCall=Module._end_MultiFuncCall=e.end_MultiFuncCall,_GetCurrentSubTransactionId=Module._GetCurrentSubTransactionId=e.GetCurrentSubTransactionId,_GetSessionUserId=Module._GetSessionUserId=e.GetSessionUserId,_WaitForBackgroundWorkerShutdown=Module._WaitForBackgroundWorkerShutdown=e.WaitForBackgroundWorkerShutdown,_RegisterDynamicBackgroundWorker=Module._RegisterDynamicBackgroundWorker=e.RegisterDynamicBackgroundWorker,_appendBinaryStringInfo=Module._appendBinaryStringInfo=e.appendBinaryStringInfo,_pq_getmsgbyte=Module._pq_getmsgbyte=e.pq_getmsgbyte,_ThrowErrorData=Module._ThrowErrorData=e.ThrowErrorData,_pq_getmsgint=Module._pq_getmsgint=e.pq_getmsgint,_pq_getmsgint64=Module._pq_getmsgint64=e.pq_getmsgint64,_die=Module._die=e.die,_pqsignal_be=Module._pqsignal_be=e.pqsignal_be,_BackgroundWorkerUnblockSignals=Module._BackgroundWorkerUnblockSignals=e.BackgroundWorkerUnblockSignals,_load_external_function=Module._load_external_function=e.load_external_function,_BackgroundWorkerInitializeConnectionByOid=Module._BackgroundWorkerInitializeConnectionByOid=e.BackgroundWorkerInitializeConnectionByOid,_GetDatabaseEncoding=Module._GetDatabaseEncoding=e.GetDatabaseEncoding,_StartTransactionCommand=Module._StartTransactionCommand=e.StartTransactionCommand,_CommitTransactionCommand=Module._CommitTransactionCommand=e.CommitTransactionCommand,_PushActiveSnapshot=Module._PushActiveSnapshot=e.PushActiveSnapshot,_PopActiveSnapshot=Module._PopActiveSnapshot=e.PopActiveSnapshot,_RmgrNotFound=Module._RmgrNotFound=e.RmgrNotFound,_InitMaterializedSRF=Module._InitMaterializedSRF=e.InitMaterializedSRF,_tuplestore_putvalues=Module._tuplestore_putvalues=e.tuplestore_putvalues,_pread=Module._pread=e.pread,_lseek=Module._lseek=e.lseek,_strspn=Module._strspn=e.strspn,_strtoll=Module._strtoll=e.strtoll,_AllocateFile=Module._AllocateFile=e.AllocateFile,_fgets=Module._fgets=e.fgets,_ferror=Module._ferror=e.ferror,_FreeFile=Module._FreeFile=e.FreeFile,_getpid=Module._getpid=e.getpid,_read=Module._read=e.read,_write=Module._write=e.write,_durable_rename=Module._durable_rename=e.durable_rename,_BlessTupleDesc=Module._BlessTupleDesc=e.BlessTupleDesc,_fstat=Module._fstat=e.fstat,_superuser_arg=Module._superuser_arg=e.superuser_arg,_wal_segment_close=Module._wal_segment_close=e.wal_segment_close,_wal_segment_open=Module._wal_segment_open=e.wal_segment_open,_XLogReaderAllocate=Module._XLogReaderAllocate=e.XLogReaderAllocate,_XLogReadRecord=Module._XLogReadRecord=e.XLogReadRecord,_XLogReaderFree=Module._XLogReaderFree=e.XLogReaderFree,_strtoull=Module._strtoull=e.strtoull,_access=Module._access=e.access,_IsAbortedTransactionBlockState=Module._IsAbortedTransactionBlockState=e.IsAbortedTransactionBlockState,_GetTopFullTransactionId=Module._GetTopFullTransactionId=e.GetTopFullTransactionId,_GetCurrentFullTransactionId=Module._GetCurrentFullTransactionId=e.GetCurrentFullTransactionId,_GetCurrentTransactionNestLevel=Module._GetCurrentTransactionNestLevel=e.GetCurrentTransactionNestLevel,_ResourceOwnerCreate=Module._ResourceOwnerCreate=e.ResourceOwnerCreate,_AbortCurrentTransaction=Module._AbortCurrentTransaction=e.AbortCurrentTransaction,_PreventInTransactionBlock=Module._PreventInTransactionBlock=e.PreventInTransactionBlock,_IsTransactionBlock=Module._IsTransactionBlock=e.IsTransactionBlock,_RegisterXactCallback=Module._RegisterXactCallback=e.RegisterXactCallback,_UnregisterXactCallback=Module._UnregisterXactCallback=e.UnregisterXactCallback,_RegisterSubXactCallback=Module._RegisterSubXactCallback=e.RegisterSubXactCallback,_BeginInternalSubTransaction=Module._BeginInternalSubTransaction=e.BeginInternalSubTransaction,_ReleaseCurrentSubTransaction=Module._ReleaseCurrentSubTransaction=e.ReleaseCurrentSubTransaction,_ResourceOwnerDelete=Module._ResourceOwnerDelete=e.ResourceOwnerDelete,_RollbackAndReleaseCurrentSubTransaction=Module._RollbackAndReleaseCurrentSubTransaction=e.RollbackAndReleaseCurrentSubTransaction,_pg_usleep=Module._pg_usleep=e.pg_usleep,_close=Module._close=e.close,_ReleaseExternalFD=Module._ReleaseExternalFD=e.ReleaseExternalFD,_GetDefaultCharSignedness=Module._GetDefaultCharSignedness=e.GetDefaultCharSignedness,_SplitIdentifierString=Module._SplitIdentifierString=e.SplitIdentifierString,_guc_malloc=Module._guc_malloc=e.guc_malloc,_find_option=Module._find_option=e.find_option,_gettimeofday=Module._gettimeofday=e.gettimeofday,_pg_strong_random=Module._pg_strong_random=e.pg_strong_random,_stat=Module._stat=e.stat,_GetFlushRecPtr=Module._GetFlushRecPtr=e.GetFlushRecPtr,_GetXLogReplayRecPtr=Module._GetXLogReplayRecPtr=e.GetXLogReplayRecPtr,_TimestampDifferenceMilliseconds=Module._TimestampDifferenceMilliseconds=e.TimestampDifferenceMilliseconds,_strtoul=Module._strtoul=e.strtoul,_readlink=Module._readlink=e.readlink,_pg_fprintf=Module._pg_fprintf=e.pg_fprintf,_fflush=Module._fflush=e.fflush,_pgl_system=Module._pgl_system=e.pgl_system,_wait_result_to_str=Module._wait_result_to_str=e.wait_result_to_str,_replace_percent_placeholders=Module._replace_percent_placeholders=e.replace_percent_placeholders,_makeStringInfo=Module._makeStringInfo=e.makeStringInfo,_pg_toupper=Module._pg_toupper=e.pg_toupper,_numeric_in=Module._numeric_in=e.numeric_in,_DirectFunctionCall3Coll=Module._DirectFunctionCall3Coll=e.DirectFunctionCall3Coll,_palloc_extended=Module._palloc_extended=e.palloc_extended,_pg_vsnprintf=Module._pg_vsnprintf=e.pg_vsnprintf,_XLogFindNextRecord=Module._XLogFindNextRecord=e.XLogFindNextRecord,_RestoreBlockImage=Module._RestoreBlockImage=e.RestoreBlockImage,_timestamptz_in=Module._timestamptz_in=e.timestamptz_in,_fscanf=Module._fscanf=e.fscanf,_symlink=Module._symlink=e.symlink,_ConditionVariableTimedSleep=Module._ConditionVariableTimedSleep=e.ConditionVariableTimedSleep,_ParseDateTime=Module._ParseDateTime=e.ParseDateTime,_DecodeDateTime=Module._DecodeDateTime=e.DecodeDateTime,_tm2timestamp=Module._tm2timestamp=e.tm2timestamp,_XLogRecStoreStats=Module._XLogRecStoreStats=e.XLogRecStoreStats,_hash_get_num_entries=Module._hash_get_num_entries=e.hash_get_num_entries,_read_local_xlog_page_no_wait=Module._read_local_xlog_page_no_wait=e.read_local_xlog_page_no_wait,_escape_json_with_len=Module._escape_json_with_len=e.escape_json_with_len,_BufFileSeek=Module._BufFileSeek=e.BufFileSeek,_lstat=Module._lstat=e.lstat,_destroyStringInfo=Module._destroyStringInfo=e.destroyStringInfo,_list_sort=Module._list_sort=e.list_sort,_pgl_geteuid=Module._pgl_geteuid=e.pgl_geteuid,_getegid=Module._getegid=e.getegid,_pg_checksum_page=Module._pg_checksum_page=e.pg_checksum_page,_CreateDestReceiver=Module._CreateDestReceiver=e.CreateDestReceiver,_bbsink_forward_end_archive=Module._bbsink_forward_end_archive=e.bbsink_forward_end_archive,_bbsink_forward_begin_manifest=Module._bbsink_forward_begin_manifest=e.bbsink_forward_begin_manifest,_bbsink_forward_end_manifest=Module._bbsink_forward_end_manifest=e.bbsink_forward_end_manifest,_bbsink_forward_end_backup=Module._bbsink_forward_end_backup=e.bbsink_forward_end_backup,_bbsink_forward_cleanup=Module._bbsink_forward_cleanup=e.bbsink_forward_cleanup,_MemoryContextAllocExtended=Module._MemoryContextAllocExtended=e.MemoryContextAllocExtended,_appendStringInfoVA=Module._appendStringInfoVA=e.appendStringInfoVA,_list_concat=Module._list_concat=e.list_concat,_strrchr=Module._strrchr=e.strrchr,_bbsink_forward_begin_backup=Module._bbsink_forward_begin_backup=e.bbsink_forward_begin_backup,_bbsink_forward_archive_contents=Module._bbsink_forward_archive_contents=e.bbsink_forward_archive_contents,_bbsink_forward_begin_archive=Module._bbsink_forward_begin_archive=e.bbsink_forward_begin_archive,_bbsink_forward_manifest_contents=Module._bbsink_forward_manifest_contents=e.bbsink_forward_manifest_contents,_has_privs_of_role=Module._has_privs_of_role=e.has_privs_of_role,_BaseBackupAddTarget=Module._BaseBackupAddTarget=e.BaseBackupAddTarget,_list_copy=Module._list_copy=e.list_copy,_tuplestore_puttuple=Module._tuplestore_puttuple=e.tuplestore_puttuple,_isatty=Module._isatty=e.isatty,_makeRangeVar=Module._makeRangeVar=e.makeRangeVar,_DefineIndex=Module._DefineIndex=e.DefineIndex,_getc=Module._getc=e.getc,_fread=Module._fread=e.fread,_clearerr=Module._clearerr=e.clearerr,_OidInputFunctionCall=Module._OidInputFunctionCall=e.OidInputFunctionCall,_copyObjectImpl=Module._copyObjectImpl=e.copyObjectImpl,_get_rolespec_oid=Module._get_rolespec_oid=e.get_rolespec_oid,_lappend_oid=Module._lappend_oid=e.lappend_oid,_get_object_address=Module._get_object_address=e.get_object_address,_makeTypeNameFromNameList=Module._makeTypeNameFromNameList=e.makeTypeNameFromNameList,_SearchSysCacheLocked1=Module._SearchSysCacheLocked1=e.SearchSysCacheLocked1,_SearchSysCache2=Module._SearchSysCache2=e.SearchSysCache2,_SysCacheGetAttr=Module._SysCacheGetAttr=e.SysCacheGetAttr,_CatalogTupleUpdate=Module._CatalogTupleUpdate=e.CatalogTupleUpdate,_get_attnum=Module._get_attnum=e.get_attnum,_get_rel_name=Module._get_rel_name=e.get_rel_name,_CatalogTupleDelete=Module._CatalogTupleDelete=e.CatalogTupleDelete,_get_namespace_oid=Module._get_namespace_oid=e.get_namespace_oid,_SearchSysCache3=Module._SearchSysCache3=e.SearchSysCache3,_performDeletion=Module._performDeletion=e.performDeletion,_CatalogTupleInsert=Module._CatalogTupleInsert=e.CatalogTupleInsert,_recordDependencyOn=Module._recordDependencyOn=e.recordDependencyOn,_RunObjectPostAlterHook=Module._RunObjectPostAlterHook=e.RunObjectPostAlterHook,_aclcheck_error_col=Module._aclcheck_error_col=e.aclcheck_error_col,_get_element_type=Module._get_element_type=e.get_element_type,_object_aclcheck=Module._object_aclcheck=e.object_aclcheck,_isTempNamespace=Module._isTempNamespace=e.isTempNamespace,_pg_attribute_aclcheck_all=Module._pg_attribute_aclcheck_all=e.pg_attribute_aclcheck_all,_IsToastNamespace=Module._IsToastNamespace=e.IsToastNamespace,_IsCatalogNamespace=Module._IsCatalogNamespace=e.IsCatalogNamespace,_superuser=Module._superuser=e.superuser,_SearchSysCacheAttName=Module._SearchSysCacheAttName=e.SearchSysCacheAttName,_LockDatabaseObject=Module._LockDatabaseObject=e.LockDatabaseObject,_new_object_addresses=Module._new_object_addresses=e.new_object_addresses,_UnlockDatabaseObject=Module._UnlockDatabaseObject=e.UnlockDatabaseObject,_free_object_addresses=Module._free_object_addresses=e.free_object_addresses,_performMultipleDeletions=Module._performMultipleDeletions=e.performMultipleDeletions,_recordDependencyOnExpr=Module._recordDependencyOnExpr=e.recordDependencyOnExpr,_get_typ_typrelid=Module._get_typ_typrelid=e.get_typ_typrelid,_query_tree_walker_impl=Module._query_tree_walker_impl=e.query_tree_walker_impl,_expression_tree_walker_impl=Module._expression_tree_walker_impl=e.expression_tree_walker_impl,_add_exact_object_address=Module._add_exact_object_address=e.add_exact_object_address,_get_rel_relkind=Module._get_rel_relkind=e.get_rel_relkind,_SystemAttributeDefinition=Module._SystemAttributeDefinition=e.SystemAttributeDefinition,_get_typtype=Module._get_typtype=e.get_typtype,_list_delete_last=Module._list_delete_last=e.list_delete_last,_type_is_collatable=Module._type_is_collatable=e.type_is_collatable,_CatalogOpenIndexes=Module._CatalogOpenIndexes=e.CatalogOpenIndexes,_CatalogCloseIndexes=Module._CatalogCloseIndexes=e.CatalogCloseIndexes,_get_relname_relid=Module._get_relname_relid=e.get_relname_relid,_GetSysCacheOid=Module._GetSysCacheOid=e.GetSysCacheOid,_SearchSysCacheCopy=Module._SearchSysCacheCopy=e.SearchSysCacheCopy,_CheckTableNotInUse=Module._CheckTableNotInUse=e.CheckTableNotInUse,_RelationForgetRelation=Module._RelationForgetRelation=e.RelationForgetRelation,_construct_array=Module._construct_array=e.construct_array,_make_parsestate=Module._make_parsestate=e.make_parsestate,_addRangeTableEntryForRelation=Module._addRangeTableEntryForRelation=e.addRangeTableEntryForRelation,_addNSItemToQuery=Module._addNSItemToQuery=e.addNSItemToQuery,_transformExpr=Module._transformExpr=e.transformExpr,_coerce_to_boolean=Module._coerce_to_boolean=e.coerce_to_boolean,_assign_expr_collations=Module._assign_expr_collations=e.assign_expr_collations,_pull_var_clause=Module._pull_var_clause=e.pull_var_clause,_get_attname=Module._get_attname=e.get_attname,_equal=Module._equal=e.equal,_coerce_to_target_type=Module._coerce_to_target_type=e.coerce_to_target_type,_nodeToString=Module._nodeToString=e.nodeToString,_list_delete_nth_cell=Module._list_delete_nth_cell=e.list_delete_nth_cell,_lappend_int=Module._lappend_int=e.lappend_int,_CatalogTupleInsertWithInfo=Module._CatalogTupleInsertWithInfo=e.CatalogTupleInsertWithInfo,_heap_truncate_find_FKs=Module._heap_truncate_find_FKs=e.heap_truncate_find_FKs,_list_oid_cmp=Module._list_oid_cmp=e.list_oid_cmp,_buildint2vector=Module._buildint2vector=e.buildint2vector,_buildoidvector=Module._buildoidvector=e.buildoidvector,_parser_errposition=Module._parser_errposition=e.parser_errposition,_check_functions_in_node=Module._check_functions_in_node=e.check_functions_in_node,_exprLocation=Module._exprLocation=e.exprLocation,_exprTypmod=Module._exprTypmod=e.exprTypmod,_get_base_element_type=Module._get_base_element_type=e.get_base_element_type,_make_ands_explicit=Module._make_ands_explicit=e.make_ands_explicit,_SystemFuncName=Module._SystemFuncName=e.SystemFuncName,_CreateTrigger=Module._CreateTrigger=e.CreateTrigger,_plan_create_index_workers=Module._plan_create_index_workers=e.plan_create_index_workers,_GetLatestSnapshot=Module._GetLatestSnapshot=e.GetLatestSnapshot,_make_ands_implicit=Module._make_ands_implicit=e.make_ands_implicit,_get_rel_relispartition=Module._get_rel_relispartition=e.get_rel_relispartition,_get_partition_ancestors=Module._get_partition_ancestors=e.get_partition_ancestors,_tuplesort_begin_datum=Module._tuplesort_begin_datum=e.tuplesort_begin_datum,_tuplesort_putdatum=Module._tuplesort_putdatum=e.tuplesort_putdatum,_list_delete_oid=Module._list_delete_oid=e.list_delete_oid,_get_rel_namespace=Module._get_rel_namespace=e.get_rel_namespace,_ExecOpenIndices=Module._ExecOpenIndices=e.ExecOpenIndices,_ExecCloseIndices=Module._ExecCloseIndices=e.ExecCloseIndices,_CatalogTupleUpdateWithInfo=Module._CatalogTupleUpdateWithInfo=e.CatalogTupleUpdateWithInfo,_ConditionalLockRelationOid=Module._ConditionalLockRelationOid=e.ConditionalLockRelationOid,_RelnameGetRelid=Module._RelnameGetRelid=e.RelnameGetRelid,_get_relkind_objtype=Module._get_relkind_objtype=e.get_relkind_objtype,_isAnyTempNamespace=Module._isAnyTempNamespace=e.isAnyTempNamespace,_RelationIsVisible=Module._RelationIsVisible=e.RelationIsVisible,_TypenameGetTypid=Module._TypenameGetTypid=e.TypenameGetTypid,_FuncnameGetCandidates=Module._FuncnameGetCandidates=e.FuncnameGetCandidates,_DeconstructQualifiedName=Module._DeconstructQualifiedName=e.DeconstructQualifiedName,_get_func_arg_info=Module._get_func_arg_info=e.get_func_arg_info,_NameListToString=Module._NameListToString=e.NameListToString,_OpernameGetOprid=Module._OpernameGetOprid=e.OpernameGetOprid,_OpclassnameGetOpcid=Module._OpclassnameGetOpcid=e.OpclassnameGetOpcid,_OpclassIsVisible=Module._OpclassIsVisible=e.OpclassIsVisible,_get_ts_config_oid=Module._get_ts_config_oid=e.get_ts_config_oid,_makeRangeVarFromNameList=Module._makeRangeVarFromNameList=e.makeRangeVarFromNameList,_quote_identifier=Module._quote_identifier=e.quote_identifier,_atoi=Module._atoi=e.atoi,_GetSearchPathMatcher=Module._GetSearchPathMatcher=e.GetSearchPathMatcher,_SearchPathMatchesCurrentEnvironment=Module._SearchPathMatchesCurrentEnvironment=e.SearchPathMatchesCurrentEnvironment,_get_collation_oid=Module._get_collation_oid=e.get_collation_oid,_GetDatabaseEncodingName=Module._GetDatabaseEncodingName=e.GetDatabaseEncodingName,_CacheRegisterSyscacheCallback=Module._CacheRegisterSyscacheCallback=e.CacheRegisterSyscacheCallback,_fetch_search_path=Module._fetch_search_path=e.fetch_search_path,_get_extension_oid=Module._get_extension_oid=e.get_extension_oid,_get_tablespace_oid=Module._get_tablespace_oid=e.get_tablespace_oid,_get_role_oid=Module._get_role_oid=e.get_role_oid,_get_language_oid=Module._get_language_oid=e.get_language_oid,_get_am_oid=Module._get_am_oid=e.get_am_oid,_get_index_am_oid=Module._get_index_am_oid=e.get_index_am_oid,_GetForeignServerByName=Module._GetForeignServerByName=e.GetForeignServerByName,_typeStringToTypeName=Module._typeStringToTypeName=e.typeStringToTypeName,_makeFloat=Module._makeFloat=e.makeFloat,_list_make2_impl=Module._list_make2_impl=e.list_make2_impl,_check_object_ownership=Module._check_object_ownership=e.check_object_ownership,_GetUserNameFromId=Module._GetUserNameFromId=e.GetUserNameFromId,_format_type_extended=Module._format_type_extended=e.format_type_extended,_quote_qualified_identifier=Module._quote_qualified_identifier=e.quote_qualified_identifier,_get_tablespace_name=Module._get_tablespace_name=e.get_tablespace_name,_GetForeignServerExtended=Module._GetForeignServerExtended=e.GetForeignServerExtended,_GetForeignServer=Module._GetForeignServer=e.GetForeignServer,_get_extension_name=Module._get_extension_name=e.get_extension_name,_construct_empty_array=Module._construct_empty_array=e.construct_empty_array,_format_type_be_qualified=Module._format_type_be_qualified=e.format_type_be_qualified,_get_namespace_name_or_temp=Module._get_namespace_name_or_temp=e.get_namespace_name_or_temp,_list_make3_impl=Module._list_make3_impl=e.list_make3_impl,_get_am_name=Module._get_am_name=e.get_am_name,_construct_md_array=Module._construct_md_array=e.construct_md_array,_pull_varattnos=Module._pull_varattnos=e.pull_varattnos,_makeBoolExpr=Module._makeBoolExpr=e.makeBoolExpr,_eval_const_expressions=Module._eval_const_expressions=e.eval_const_expressions,_get_func_name=Module._get_func_name=e.get_func_name,_construct_array_builtin=Module._construct_array_builtin=e.construct_array_builtin,_makeObjectName=Module._makeObjectName=e.makeObjectName,_get_primary_key_attnos=Module._get_primary_key_attnos=e.get_primary_key_attnos,_check_functional_grouping=Module._check_functional_grouping=e.check_functional_grouping,_bms_is_subset=Module._bms_is_subset=e.bms_is_subset,_ProcessGUCArray=Module._ProcessGUCArray=e.ProcessGUCArray,_LockHeldByMe=Module._LockHeldByMe=e.LockHeldByMe,_CheckRelationOidLockedByMe=Module._CheckRelationOidLockedByMe=e.CheckRelationOidLockedByMe,_getExtensionOfObject=Module._getExtensionOfObject=e.getExtensionOfObject,_deleteDependencyRecordsFor=Module._deleteDependencyRecordsFor=e.deleteDependencyRecordsFor,_find_inheritance_children=Module._find_inheritance_children=e.find_inheritance_children,_ActiveSnapshotSet=Module._ActiveSnapshotSet=e.ActiveSnapshotSet,_find_all_inheritors=Module._find_all_inheritors=e.find_all_inheritors,_has_superclass=Module._has_superclass=e.has_superclass,_strstr=Module._strstr=e.strstr,_memchr=Module._memchr=e.memchr,_get_opname=Module._get_opname=e.get_opname,_build_function_result_tupdesc_t=Module._build_function_result_tupdesc_t=e.build_function_result_tupdesc_t,_CheckFunctionValidatorAccess=Module._CheckFunctionValidatorAccess=e.CheckFunctionValidatorAccess,_AcquireRewriteLocks=Module._AcquireRewriteLocks=e.AcquireRewriteLocks,_pg_parse_query=Module._pg_parse_query=e.pg_parse_query,_get_func_result_type=Module._get_func_result_type=e.get_func_result_type,_function_parse_error_transpose=Module._function_parse_error_transpose=e.function_parse_error_transpose,_geterrposition=Module._geterrposition=e.geterrposition,_getinternalerrposition=Module._getinternalerrposition=e.getinternalerrposition,_pg_mblen_cstr=Module._pg_mblen_cstr=e.pg_mblen_cstr,_pg_mbstrlen_with_len=Module._pg_mbstrlen_with_len=e.pg_mbstrlen_with_len,_errposition=Module._errposition=e.errposition,_internalerrposition=Module._internalerrposition=e.internalerrposition,_internalerrquery=Module._internalerrquery=e.internalerrquery,_bms_num_members=Module._bms_num_members=e.bms_num_members,_list_concat_unique_oid=Module._list_concat_unique_oid=e.list_concat_unique_oid,_ATExecChangeOwner=Module._ATExecChangeOwner=e.ATExecChangeOwner,_quote_literal_cstr=Module._quote_literal_cstr=e.quote_literal_cstr,_get_array_type=Module._get_array_type=e.get_array_type,_pnstrdup=Module._pnstrdup=e.pnstrdup,_pg_mbcliplen=Module._pg_mbcliplen=e.pg_mbcliplen,_smgrtruncate=Module._smgrtruncate=e.smgrtruncate,_smgrreadv=Module._smgrreadv=e.smgrreadv,_NewRelationCreateToastTable=Module._NewRelationCreateToastTable=e.NewRelationCreateToastTable,_parse_analyze_fixedparams=Module._parse_analyze_fixedparams=e.parse_analyze_fixedparams,_transformStmt=Module._transformStmt=e.transformStmt,_free_parsestate=Module._free_parsestate=e.free_parsestate,_makeFromExpr=Module._makeFromExpr=e.makeFromExpr,_assign_query_collations=Module._assign_query_collations=e.assign_query_collations,_makeTargetEntry=Module._makeTargetEntry=e.makeTargetEntry,_exprCollation=Module._exprCollation=e.exprCollation,_transformSortClause=Module._transformSortClause=e.transformSortClause,_transformDistinctClause=Module._transformDistinctClause=e.transformDistinctClause,_ParseFuncOrColumn=Module._ParseFuncOrColumn=e.ParseFuncOrColumn,_select_common_type=Module._select_common_type=e.select_common_type,_coerce_to_common_type=Module._coerce_to_common_type=e.coerce_to_common_type,_select_common_collation=Module._select_common_collation=e.select_common_collation,_contain_vars_of_level=Module._contain_vars_of_level=e.contain_vars_of_level,_expandNSItemAttrs=Module._expandNSItemAttrs=e.expandNSItemAttrs,_makeAlias=Module._makeAlias=e.makeAlias,_addRangeTableEntryForSubquery=Module._addRangeTableEntryForSubquery=e.addRangeTableEntryForSubquery,_assign_list_collations=Module._assign_list_collations=e.assign_list_collations,_expandNSItemVars=Module._expandNSItemVars=e.expandNSItemVars,_markTargetListOrigins=Module._markTargetListOrigins=e.markTargetListOrigins,_addRangeTableEntryForJoin=Module._addRangeTableEntryForJoin=e.addRangeTableEntryForJoin,_list_truncate=Module._list_truncate=e.list_truncate,_makeVar=Module._makeVar=e.makeVar,_analyze_requires_snapshot=Module._analyze_requires_snapshot=e.analyze_requires_snapshot,_makeNullConst=Module._makeNullConst=e.makeNullConst,_get_sort_group_operators=Module._get_sort_group_operators=e.get_sort_group_operators,_refnameNamespaceItem=Module._refnameNamespaceItem=e.refnameNamespaceItem,_getRTEPermissionInfo=Module._getRTEPermissionInfo=e.getRTEPermissionInfo,_setup_parser_errposition_callback=Module._setup_parser_errposition_callback=e.setup_parser_errposition_callback,_cancel_parser_errposition_callback=Module._cancel_parser_errposition_callback=e.cancel_parser_errposition_callback,_locate_var_of_level=Module._locate_var_of_level=e.locate_var_of_level,_makeBoolean=Module._makeBoolean=e.makeBoolean,_makeInteger=Module._makeInteger=e.makeInteger,_makeSimpleA_Expr=Module._makeSimpleA_Expr=e.makeSimpleA_Expr,_makeTypeName=Module._makeTypeName=e.makeTypeName,_SystemTypeName=Module._SystemTypeName=e.SystemTypeName,_makeFuncCall=Module._makeFuncCall=e.makeFuncCall,_makeA_Expr=Module._makeA_Expr=e.makeA_Expr,_list_make4_impl=Module._list_make4_impl=e.list_make4_impl,_addTargetToSortList=Module._addTargetToSortList=e.addTargetToSortList,_locate_agg_of_level=Module._locate_agg_of_level=e.locate_agg_of_level,_list_intersection_int=Module._list_intersection_int=e.list_intersection_int,_get_sortgroupclause_tle=Module._get_sortgroupclause_tle=e.get_sortgroupclause_tle,_flatten_join_alias_vars=Module._flatten_join_alias_vars=e.flatten_join_alias_vars,_list_member_int=Module._list_member_int=e.list_member_int,_list_union_int=Module._list_union_int=e.list_union_int,_makeFuncExpr=Module._makeFuncExpr=e.makeFuncExpr,_get_rte_attribute_name=Module._get_rte_attribute_name=e.get_rte_attribute_name,_expression_tree_mutator_impl=Module._expression_tree_mutator_impl=e.expression_tree_mutator_impl,_checkNameSpaceConflicts=Module._checkNameSpaceConflicts=e.checkNameSpaceConflicts,_addRangeTableEntryForENR=Module._addRangeTableEntryForENR=e.addRangeTableEntryForENR,_addRangeTableEntry=Module._addRangeTableEntry=e.addRangeTableEntry,_FigureColname=Module._FigureColname=e.FigureColname,_addRangeTableEntryForFunction=Module._addRangeTableEntryForFunction=e.addRangeTableEntryForFunction,_coerce_to_specific_type=Module._coerce_to_specific_type=e.coerce_to_specific_type,_typenameTypeIdAndMod=Module._typenameTypeIdAndMod=e.typenameTypeIdAndMod,_get_typcollation=Module._get_typcollation=e.get_typcollation,_markNullableIfNeeded=Module._markNullableIfNeeded=e.markNullableIfNeeded,_markVarForSelectPriv=Module._markVarForSelectPriv=e.markVarForSelectPriv,_coerce_type=Module._coerce_type=e.coerce_type,_LookupFuncName=Module._LookupFuncName=e.LookupFuncName,_parserOpenTable=Module._parserOpenTable=e.parserOpenTable,_strip_implicit_coercions=Module._strip_implicit_coercions=e.strip_implicit_coercions,_colNameToVar=Module._colNameToVar=e.colNameToVar,_op_hashjoinable=Module._op_hashjoinable=e.op_hashjoinable,_get_commutator=Module._get_commutator=e.get_commutator,_get_ordering_op_properties=Module._get_ordering_op_properties=e.get_ordering_op_properties,_can_coerce_type=Module._can_coerce_type=e.can_coerce_type,_get_sortgroupref_tle=Module._get_sortgroupref_tle=e.get_sortgroupref_tle,_assignSortGroupRef=Module._assignSortGroupRef=e.assignSortGroupRef,_targetIsInSortList=Module._targetIsInSortList=e.targetIsInSortList,_contain_aggs_of_level=Module._contain_aggs_of_level=e.contain_aggs_of_level,_find_coercion_pathway=Module._find_coercion_pathway=e.find_coercion_pathway,_typeidType=Module._typeidType=e.typeidType,_typeTypeCollation=Module._typeTypeCollation=e.typeTypeCollation,_typeLen=Module._typeLen=e.typeLen,_typeByVal=Module._typeByVal=e.typeByVal,_get_type_category_preferred=Module._get_type_category_preferred=e.get_type_category_preferred,_makeConst=Module._makeConst=e.makeConst,_lookup_rowtype_tupdesc=Module._lookup_rowtype_tupdesc=e.lookup_rowtype_tupdesc,_type_is_enum=Module._type_is_enum=e.type_is_enum,_verify_common_type=Module._verify_common_type=e.verify_common_type,_type_is_range=Module._type_is_range=e.type_is_range,_bms_del_member=Module._bms_del_member=e.bms_del_member,_list_member=Module._list_member=e.list_member,_raw_expression_tree_walker_impl=Module._raw_expression_tree_walker_impl=e.raw_expression_tree_walker_impl,_type_is_rowtype=Module._type_is_rowtype=e.type_is_rowtype,_scanNSItemForColumn=Module._scanNSItemForColumn=e.scanNSItemForColumn,_make_op=Module._make_op=e.make_op,_make_scalar_array_op=Module._make_scalar_array_op=e.make_scalar_array_op,_count_nonjunk_tlist_entries=Module._count_nonjunk_tlist_entries=e.count_nonjunk_tlist_entries,_makeWholeRowVar=Module._makeWholeRowVar=e.makeWholeRowVar,_expandRTE=Module._expandRTE=e.expandRTE,_contain_var_clause=Module._contain_var_clause=e.contain_var_clause,_jsonb_in=Module._jsonb_in=e.jsonb_in,_get_func_prokind=Module._get_func_prokind=e.get_func_prokind,_escape_json=Module._escape_json=e.escape_json,_geterrcode=Module._geterrcode=e.geterrcode,_bit_in=Module._bit_in=e.bit_in,_repalloc0=Module._repalloc0=e.repalloc0,_bms_union=Module._bms_union=e.bms_union,_varstr_levenshtein_less_equal=Module._varstr_levenshtein_less_equal=e.varstr_levenshtein_less_equal,_get_atttypetypmodcoll=Module._get_atttypetypmodcoll=e.get_atttypetypmodcoll,_raw_parser=Module._raw_parser=e.raw_parser,_errsave_start=Module._errsave_start=e.errsave_start,_errsave_finish=Module._errsave_finish=e.errsave_finish,_makeColumnDef=Module._makeColumnDef=e.makeColumnDef,_GetDefaultOpClass=Module._GetDefaultOpClass=e.GetDefaultOpClass,_transformIndexStmt=Module._transformIndexStmt=e.transformIndexStmt,_ChooseRelationName=Module._ChooseRelationName=e.ChooseRelationName,_deparse_context_for=Module._deparse_context_for=e.deparse_context_for,_deparse_expression=Module._deparse_expression=e.deparse_expression,_expression_planner=Module._expression_planner=e.expression_planner,_scanner_init=Module._scanner_init=e.scanner_init,_scanner_finish=Module._scanner_finish=e.scanner_finish,_core_yylex=Module._core_yylex=e.core_yylex,_isxdigit=Module._isxdigit=e.isxdigit,_scanner_isspace=Module._scanner_isspace=e.scanner_isspace,_truncate_identifier=Module._truncate_identifier=e.truncate_identifier,_ScanKeywordLookup=Module._ScanKeywordLookup=e.ScanKeywordLookup,_pg_verifymbstr=Module._pg_verifymbstr=e.pg_verifymbstr,_downcase_truncate_identifier=Module._downcase_truncate_identifier=e.downcase_truncate_identifier,_pg_database_encoding_max_length=Module._pg_database_encoding_max_length=e.pg_database_encoding_max_length,_getTypeInputInfo=Module._getTypeInputInfo=e.getTypeInputInfo,_RenameSchema=Module._RenameSchema=e.RenameSchema,_check_can_set_role=Module._check_can_set_role=e.check_can_set_role,_namein=Module._namein=e.namein,_BlockSampler_Init=Module._BlockSampler_Init=e.BlockSampler_Init,_reservoir_init_selection_state=Module._reservoir_init_selection_state=e.reservoir_init_selection_state,_reservoir_get_next_S=Module._reservoir_get_next_S=e.reservoir_get_next_S,_sampler_random_fract=Module._sampler_random_fract=e.sampler_random_fract,_std_typanalyze=Module._std_typanalyze=e.std_typanalyze,_BlockSampler_HasMore=Module._BlockSampler_HasMore=e.BlockSampler_HasMore,_BlockSampler_Next=Module._BlockSampler_Next=e.BlockSampler_Next,_Async_Notify=Module._Async_Notify=e.Async_Notify,_RangeVarCallbackMaintainsTable=Module._RangeVarCallbackMaintainsTable=e.RangeVarCallbackMaintainsTable,_make_new_heap=Module._make_new_heap=e.make_new_heap,_finish_heap_swap=Module._finish_heap_swap=e.finish_heap_swap,_RenameRelationInternal=Module._RenameRelationInternal=e.RenameRelationInternal,_OpenPipeStream=Module._OpenPipeStream=e.OpenPipeStream,_pg_is_ascii=Module._pg_is_ascii=e.pg_is_ascii,_ClosePipeStream=Module._ClosePipeStream=e.ClosePipeStream,_PreventCommandIfReadOnly=Module._PreventCommandIfReadOnly=e.PreventCommandIfReadOnly,_BeginCopyFrom=Module._BeginCopyFrom=e.BeginCopyFrom,_EndCopyFrom=Module._EndCopyFrom=e.EndCopyFrom,_ProcessCopyOptions=Module._ProcessCopyOptions=e.ProcessCopyOptions,_pg_strtoint64=Module._pg_strtoint64=e.pg_strtoint64,_CopyFromErrorCallback=Module._CopyFromErrorCallback=e.CopyFromErrorCallback,_bms_make_singleton=Module._bms_make_singleton=e.bms_make_singleton,_ExecInitRangeTable=Module._ExecInitRangeTable=e.ExecInitRangeTable,_ExecInitResultRelation=Module._ExecInitResultRelation=e.ExecInitResultRelation,_ExecInitQual=Module._ExecInitQual=e.ExecInitQual,_contain_volatile_functions=Module._contain_volatile_functions=e.contain_volatile_functions,_NextCopyFrom=Module._NextCopyFrom=e.NextCopyFrom,_ExecCloseResultRelations=Module._ExecCloseResultRelations=e.ExecCloseResultRelations,_ExecCloseRangeTableRelations=Module._ExecCloseRangeTableRelations=e.ExecCloseRangeTableRelations,_ExecConstraints=Module._ExecConstraints=e.ExecConstraints,_ExecInsertIndexTuples=Module._ExecInsertIndexTuples=e.ExecInsertIndexTuples,_build_column_default=Module._build_column_default=e.build_column_default,_ExecInitExpr=Module._ExecInitExpr=e.ExecInitExpr,_fileno=Module._fileno=e.fileno,_NextCopyFromRawFields=Module._NextCopyFromRawFields=e.NextCopyFromRawFields,_resetStringInfo=Module._resetStringInfo=e.resetStringInfo,_pq_copymsgbytes=Module._pq_copymsgbytes=e.pq_copymsgbytes,_pg_encoding_max_length=Module._pg_encoding_max_length=e.pg_encoding_max_length,_tolower=Module._tolower=e.tolower,_pg_plan_query=Module._pg_plan_query=e.pg_plan_query,_PushCopiedSnapshot=Module._PushCopiedSnapshot=e.PushCopiedSnapshot,_UpdateActiveSnapshotCommandId=Module._UpdateActiveSnapshotCommandId=e.UpdateActiveSnapshotCommandId,_CreateQueryDesc=Module._CreateQueryDesc=e.CreateQueryDesc,_ExecutorStart=Module._ExecutorStart=e.ExecutorStart,_ExecutorFinish=Module._ExecutorFinish=e.ExecutorFinish,_ExecutorEnd=Module._ExecutorEnd=e.ExecutorEnd,_FreeQueryDesc=Module._FreeQueryDesc=e.FreeQueryDesc,_ExecutorRun=Module._ExecutorRun=e.ExecutorRun,_pg_server_to_any=Module._pg_server_to_any=e.pg_server_to_any,_fwrite=Module._fwrite=e.fwrite,_CreateTableAsRelExists=Module._CreateTableAsRelExists=e.CreateTableAsRelExists,_QueryRewrite=Module._QueryRewrite=e.QueryRewrite,_DefineRelation=Module._DefineRelation=e.DefineRelation,_rmdir=Module._rmdir=e.rmdir,_atof=Module._atof=e.atof,_int8in=Module._int8in=e.int8in,_oidin=Module._oidin=e.oidin,_RemoveObjects=Module._RemoveObjects=e.RemoveObjects,_GetCommandTagEnum=Module._GetCommandTagEnum=e.GetCommandTagEnum,_CreateCommandTag=Module._CreateCommandTag=e.CreateCommandTag,_GetCommandTagName=Module._GetCommandTagName=e.GetCommandTagName,_NewExplainState=Module._NewExplainState=e.NewExplainState,_ExplainBeginOutput=Module._ExplainBeginOutput=e.ExplainBeginOutput,_ExplainEndOutput=Module._ExplainEndOutput=e.ExplainEndOutput,_ExplainOpenGroup=Module._ExplainOpenGroup=e.ExplainOpenGroup,_ExplainPrintPlan=Module._ExplainPrintPlan=e.ExplainPrintPlan,_ExplainIndentText=Module._ExplainIndentText=e.ExplainIndentText,_ExplainPropertyInteger=Module._ExplainPropertyInteger=e.ExplainPropertyInteger,_ExplainCloseGroup=Module._ExplainCloseGroup=e.ExplainCloseGroup,_ExplainPropertyFloat=Module._ExplainPropertyFloat=e.ExplainPropertyFloat,_ExplainPrintTriggers=Module._ExplainPrintTriggers=e.ExplainPrintTriggers,_ExplainPropertyUInteger=Module._ExplainPropertyUInteger=e.ExplainPropertyUInteger,_ExplainPropertyText=Module._ExplainPropertyText=e.ExplainPropertyText,_GetConfigOptionByName=Module._GetConfigOptionByName=e.GetConfigOptionByName,_ExplainPrintJITSummary=Module._ExplainPrintJITSummary=e.ExplainPrintJITSummary,_ExplainPropertyBool=Module._ExplainPropertyBool=e.ExplainPropertyBool,_InstrEndLoop=Module._InstrEndLoop=e.InstrEndLoop,_appendStringInfoSpaces=Module._appendStringInfoSpaces=e.appendStringInfoSpaces,_ExplainQueryText=Module._ExplainQueryText=e.ExplainQueryText,_ExplainQueryParameters=Module._ExplainQueryParameters=e.ExplainQueryParameters,_get_func_namespace=Module._get_func_namespace=e.get_func_namespace,_escape_xml=Module._escape_xml=e.escape_xml,_GetExplainExtensionId=Module._GetExplainExtensionId=e.GetExplainExtensionId,_GetExplainExtensionState=Module._GetExplainExtensionState=e.GetExplainExtensionState,_SetExplainExtensionState=Module._SetExplainExtensionState=e.SetExplainExtensionState,_RegisterExtensionExplainOption=Module._RegisterExtensionExplainOption=e.RegisterExtensionExplainOption,_get_extension_schema=Module._get_extension_schema=e.get_extension_schema,_get_function_sibling_type=Module._get_function_sibling_type=e.get_function_sibling_type,_GetSysCacheHashValue=Module._GetSysCacheHashValue=e.GetSysCacheHashValue,_CreateSchemaCommand=Module._CreateSchemaCommand=e.CreateSchemaCommand,_get_rel_type_id=Module._get_rel_type_id=e.get_rel_type_id,_set_config_option=Module._set_config_option=e.set_config_option,_pg_any_to_server=Module._pg_any_to_server=e.pg_any_to_server,_DirectFunctionCall4Coll=Module._DirectFunctionCall4Coll=e.DirectFunctionCall4Coll,_replace_text=Module._replace_text=e.replace_text,_strpbrk=Module._strpbrk=e.strpbrk,_ProcessUtility=Module._ProcessUtility=e.ProcessUtility,_CleanQuerytext=Module._CleanQuerytext=e.CleanQuerytext,_GetForeignDataWrapper=Module._GetForeignDataWrapper=e.GetForeignDataWrapper,_CreateExprContext=Module._CreateExprContext=e.CreateExprContext,_EnsurePortalSnapshotExists=Module._EnsurePortalSnapshotExists=e.EnsurePortalSnapshotExists,_CheckIndexCompatible=Module._CheckIndexCompatible=e.CheckIndexCompatible,_op_input_types=Module._op_input_types=e.op_input_types,_ResolveOpClass=Module._ResolveOpClass=e.ResolveOpClass,_get_opclass_family=Module._get_opclass_family=e.get_opclass_family,_get_opfamily_member_for_cmptype=Module._get_opfamily_member_for_cmptype=e.get_opfamily_member_for_cmptype,_pgstat_count_truncate=Module._pgstat_count_truncate=e.pgstat_count_truncate,_SPI_connect=Module._SPI_connect=e.SPI_connect,_SPI_exec=Module._SPI_exec=e.SPI_exec,_SPI_execute=Module._SPI_execute=e.SPI_execute,_SPI_getvalue=Module._SPI_getvalue=e.SPI_getvalue,_generate_operator_clause=Module._generate_operator_clause=e.generate_operator_clause,_SPI_finish=Module._SPI_finish=e.SPI_finish,_CreateTransientRelDestReceiver=Module._CreateTransientRelDestReceiver=e.CreateTransientRelDestReceiver,_MemoryContextSetIdentifier=Module._MemoryContextSetIdentifier=e.MemoryContextSetIdentifier,_checkExprHasSubLink=Module._checkExprHasSubLink=e.checkExprHasSubLink,_MemoryContextSetParent=Module._MemoryContextSetParent=e.MemoryContextSetParent,_copyParamList=Module._copyParamList=e.copyParamList,_SetTuplestoreDestReceiverParams=Module._SetTuplestoreDestReceiverParams=e.SetTuplestoreDestReceiverParams,_tuplestore_rescan=Module._tuplestore_rescan=e.tuplestore_rescan,_MemoryContextDeleteChildren=Module._MemoryContextDeleteChildren=e.MemoryContextDeleteChildren,_GetCachedPlan=Module._GetCachedPlan=e.GetCachedPlan,_makeParamList=Module._makeParamList=e.makeParamList,_ReleaseCachedPlan=Module._ReleaseCachedPlan=e.ReleaseCachedPlan,_bms_equal=Module._bms_equal=e.bms_equal,_func_volatile=Module._func_volatile=e.func_volatile,_register_label_provider=Module._register_label_provider=e.register_label_provider,_DefineSequence=Module._DefineSequence=e.DefineSequence,_AlterSequence=Module._AlterSequence=e.AlterSequence,_RangeVarCallbackOwnsRelation=Module._RangeVarCallbackOwnsRelation=e.RangeVarCallbackOwnsRelation,_nextval=Module._nextval=e.nextval,_textToQualifiedNameList=Module._textToQualifiedNameList=e.textToQualifiedNameList,_nextval_internal=Module._nextval_internal=e.nextval_internal,_setval_oid=Module._setval_oid=e.setval_oid,_tuplestore_gettupleslot=Module._tuplestore_gettupleslot=e.tuplestore_gettupleslot,_list_delete=Module._list_delete=e.list_delete,_tuplestore_end=Module._tuplestore_end=e.tuplestore_end,_list_append_unique=Module._list_append_unique=e.list_append_unique,_get_rel_relam=Module._get_rel_relam=e.get_rel_relam,_contain_mutable_functions=Module._contain_mutable_functions=e.contain_mutable_functions,_RemoveRelations=Module._RemoveRelations=e.RemoveRelations,_ExecuteTruncateGuts=Module._ExecuteTruncateGuts=e.ExecuteTruncateGuts,_InitResultRelInfo=Module._InitResultRelInfo=e.InitResultRelInfo,_AlterTableLookupRelation=Module._AlterTableLookupRelation=e.AlterTableLookupRelation,_AlterTable=Module._AlterTable=e.AlterTable,_AlterTableInternal=Module._AlterTableInternal=e.AlterTableInternal,_AlterTableGetLockLevel=Module._AlterTableGetLockLevel=e.AlterTableGetLockLevel,_pg_get_indexdef_string=Module._pg_get_indexdef_string=e.pg_get_indexdef_string,_ExecStoreAllNullTuple=Module._ExecStoreAllNullTuple=e.ExecStoreAllNullTuple,_chmod=Module._chmod=e.chmod,_ChangeVarNodes=Module._ChangeVarNodes=e.ChangeVarNodes,_tuplestore_begin_heap=Module._tuplestore_begin_heap=e.tuplestore_begin_heap,_tuplestore_puttupleslot=Module._tuplestore_puttupleslot=e.tuplestore_puttupleslot,_ExecForceStoreHeapTuple=Module._ExecForceStoreHeapTuple=e.ExecForceStoreHeapTuple,_ExecUpdateLockMode=Module._ExecUpdateLockMode=e.ExecUpdateLockMode,_bms_copy=Module._bms_copy=e.bms_copy,_strtoint=Module._strtoint=e.strtoint,_strtod=Module._strtod=e.strtod,_plain_crypt_verify=Module._plain_crypt_verify=e.plain_crypt_verify,_ProcessConfigFile=Module._ProcessConfigFile=e.ProcessConfigFile,_pgl_exit=Module._pgl_exit=e.pgl_exit,_dsa_get_handle=Module._dsa_get_handle=e.dsa_get_handle,_pg_strncasecmp=Module._pg_strncasecmp=e.pg_strncasecmp,_guc_free=Module._guc_free=e.guc_free,_ExecReScan=Module._ExecReScan=e.ExecReScan,_ExecAsyncResponse=Module._ExecAsyncResponse=e.ExecAsyncResponse,_ExecAsyncRequestDone=Module._ExecAsyncRequestDone=e.ExecAsyncRequestDone,_ExecAsyncRequestPending=Module._ExecAsyncRequestPending=e.ExecAsyncRequestPending,_ExprEvalPushStep=Module._ExprEvalPushStep=e.ExprEvalPushStep,_lookup_rowtype_tupdesc_copy=Module._lookup_rowtype_tupdesc_copy=e.lookup_rowtype_tupdesc_copy,_ExecInitExprWithParams=Module._ExecInitExprWithParams=e.ExecInitExprWithParams,_ExecInitExprList=Module._ExecInitExprList=e.ExecInitExprList,_ExecGetResultType=Module._ExecGetResultType=e.ExecGetResultType,_ExecInitExtraTupleSlot=Module._ExecInitExtraTupleSlot=e.ExecInitExtraTupleSlot,_MakeExpandedObjectReadOnlyInternal=Module._MakeExpandedObjectReadOnlyInternal=e.MakeExpandedObjectReadOnlyInternal,_tuplesort_puttupleslot=Module._tuplesort_puttupleslot=e.tuplesort_puttupleslot,_ArrayGetNItems=Module._ArrayGetNItems=e.ArrayGetNItems,_expanded_record_fetch_tupdesc=Module._expanded_record_fetch_tupdesc=e.expanded_record_fetch_tupdesc,_expanded_record_fetch_field=Module._expanded_record_fetch_field=e.expanded_record_fetch_field,_json_validate=Module._json_validate=e.json_validate,_JsonbValueToJsonb=Module._JsonbValueToJsonb=e.JsonbValueToJsonb,_numeric_out=Module._numeric_out=e.numeric_out,_boolout=Module._boolout=e.boolout,_bool_int4=Module._bool_int4=e.bool_int4,_lookup_rowtype_tupdesc_domain=Module._lookup_rowtype_tupdesc_domain=e.lookup_rowtype_tupdesc_domain,_MemoryContextGetParent=Module._MemoryContextGetParent=e.MemoryContextGetParent,_DeleteExpandedObject=Module._DeleteExpandedObject=e.DeleteExpandedObject,_CreateStandaloneExprContext=Module._CreateStandaloneExprContext=e.CreateStandaloneExprContext,_ExecFindJunkAttributeInTlist=Module._ExecFindJunkAttributeInTlist=e.ExecFindJunkAttributeInTlist,_standard_ExecutorStart=Module._standard_ExecutorStart=e.standard_ExecutorStart,_ExecInitNode=Module._ExecInitNode=e.ExecInitNode,_standard_ExecutorRun=Module._standard_ExecutorRun=e.standard_ExecutorRun,_standard_ExecutorFinish=Module._standard_ExecutorFinish=e.standard_ExecutorFinish,_standard_ExecutorEnd=Module._standard_ExecutorEnd=e.standard_ExecutorEnd,_ExecEndNode=Module._ExecEndNode=e.ExecEndNode,_InstrAlloc=Module._InstrAlloc=e.InstrAlloc,_MakeTupleTableSlot=Module._MakeTupleTableSlot=e.MakeTupleTableSlot,_ExecWithCheckOptions=Module._ExecWithCheckOptions=e.ExecWithCheckOptions,_get_typlenbyval=Module._get_typlenbyval=e.get_typlenbyval,_ExecInitScanTupleSlot=Module._ExecInitScanTupleSlot=e.ExecInitScanTupleSlot,_InputFunctionCall=Module._InputFunctionCall=e.InputFunctionCall,_list_delete_ptr=Module._list_delete_ptr=e.list_delete_ptr,_FreeExprContext=Module._FreeExprContext=e.FreeExprContext,_ExecAssignExprContext=Module._ExecAssignExprContext=e.ExecAssignExprContext,_ExecAssignProjectionInfo=Module._ExecAssignProjectionInfo=e.ExecAssignProjectionInfo,_ExecOpenScanRelation=Module._ExecOpenScanRelation=e.ExecOpenScanRelation,_bms_intersect=Module._bms_intersect=e.bms_intersect,_GetAttributeByName=Module._GetAttributeByName=e.GetAttributeByName,_GetAttributeByNum=Module._GetAttributeByNum=e.GetAttributeByNum,_ExecGetReturningSlot=Module._ExecGetReturningSlot=e.ExecGetReturningSlot,_ExecGetResultRelCheckAsUser=Module._ExecGetResultRelCheckAsUser=e.ExecGetResultRelCheckAsUser,_MemoryContextRegisterResetCallback=Module._MemoryContextRegisterResetCallback=e.MemoryContextRegisterResetCallback,_cached_function_compile=Module._cached_function_compile=e.cached_function_compile,_CommandIsReadOnly=Module._CommandIsReadOnly=e.CommandIsReadOnly,_InstrUpdateTupleCount=Module._InstrUpdateTupleCount=e.InstrUpdateTupleCount,_tuplesort_begin_heap=Module._tuplesort_begin_heap=e.tuplesort_begin_heap,_AggCheckCallContext=Module._AggCheckCallContext=e.AggCheckCallContext,_tuplesort_gettupleslot=Module._tuplesort_gettupleslot=e.tuplesort_gettupleslot,_bms_del_members=Module._bms_del_members=e.bms_del_members,_AddWaitEventToSet=Module._AddWaitEventToSet=e.AddWaitEventToSet,_GetNumRegisteredWaitEvents=Module._GetNumRegisteredWaitEvents=e.GetNumRegisteredWaitEvents,_tuplestore_clear=Module._tuplestore_clear=e.tuplestore_clear,_get_attstatsslot=Module._get_attstatsslot=e.get_attstatsslot,_free_attstatsslot=Module._free_attstatsslot=e.free_attstatsslot,_SharedFileSetInit=Module._SharedFileSetInit=e.SharedFileSetInit,_SharedFileSetAttach=Module._SharedFileSetAttach=e.SharedFileSetAttach,_tuplesort_reset=Module._tuplesort_reset=e.tuplesort_reset,_pairingheap_first=Module._pairingheap_first=e.pairingheap_first,_bms_nonempty_difference=Module._bms_nonempty_difference=e.bms_nonempty_difference,_datum_image_hash=Module._datum_image_hash=e.datum_image_hash,_tuplesort_rescan=Module._tuplesort_rescan=e.tuplesort_rescan,_WinGetPartitionLocalMemory=Module._WinGetPartitionLocalMemory=e.WinGetPartitionLocalMemory,_WinGetCurrentPosition=Module._WinGetCurrentPosition=e.WinGetCurrentPosition,_WinGetPartitionRowCount=Module._WinGetPartitionRowCount=e.WinGetPartitionRowCount,_WinGetFuncArgInPartition=Module._WinGetFuncArgInPartition=e.WinGetFuncArgInPartition,_WinGetFuncArgCurrent=Module._WinGetFuncArgCurrent=e.WinGetFuncArgCurrent,_SPI_connect_ext=Module._SPI_connect_ext=e.SPI_connect_ext,_SPI_commit=Module._SPI_commit=e.SPI_commit,_CopyErrorData=Module._CopyErrorData=e.CopyErrorData,_FlushErrorState=Module._FlushErrorState=e.FlushErrorState,_ReThrowError=Module._ReThrowError=e.ReThrowError,_SPI_commit_and_chain=Module._SPI_commit_and_chain=e.SPI_commit_and_chain,_SPI_rollback=Module._SPI_rollback=e.SPI_rollback,_SPI_rollback_and_chain=Module._SPI_rollback_and_chain=e.SPI_rollback_and_chain,_SPI_freetuptable=Module._SPI_freetuptable=e.SPI_freetuptable,_SPI_execute_extended=Module._SPI_execute_extended=e.SPI_execute_extended,_SPI_execute_plan=Module._SPI_execute_plan=e.SPI_execute_plan,_SPI_execp=Module._SPI_execp=e.SPI_execp,_SPI_execute_plan_extended=Module._SPI_execute_plan_extended=e.SPI_execute_plan_extended,_SPI_execute_plan_with_paramlist=Module._SPI_execute_plan_with_paramlist=e.SPI_execute_plan_with_paramlist,_SPI_execute_with_args=Module._SPI_execute_with_args=e.SPI_execute_with_args,_SPI_prepare=Module._SPI_prepare=e.SPI_prepare,_SPI_prepare_extended=Module._SPI_prepare_extended=e.SPI_prepare_extended,_SPI_keepplan=Module._SPI_keepplan=e.SPI_keepplan,_SPI_saveplan=Module._SPI_saveplan=e.SPI_saveplan,_SPI_freeplan=Module._SPI_freeplan=e.SPI_freeplan,_SPI_copytuple=Module._SPI_copytuple=e.SPI_copytuple,_SPI_returntuple=Module._SPI_returntuple=e.SPI_returntuple,_SPI_modifytuple=Module._SPI_modifytuple=e.SPI_modifytuple,_SPI_fnumber=Module._SPI_fnumber=e.SPI_fnumber,_SPI_fname=Module._SPI_fname=e.SPI_fname,_SPI_getbinval=Module._SPI_getbinval=e.SPI_getbinval,_SPI_gettype=Module._SPI_gettype=e.SPI_gettype,_SPI_gettypeid=Module._SPI_gettypeid=e.SPI_gettypeid,_SPI_getrelname=Module._SPI_getrelname=e.SPI_getrelname,_SPI_palloc=Module._SPI_palloc=e.SPI_palloc,_SPI_repalloc=Module._SPI_repalloc=e.SPI_repalloc,_SPI_pfree=Module._SPI_pfree=e.SPI_pfree,_SPI_datumTransfer=Module._SPI_datumTransfer=e.SPI_datumTransfer,_datumTransfer=Module._datumTransfer=e.datumTransfer,_SPI_cursor_open_with_args=Module._SPI_cursor_open_with_args=e.SPI_cursor_open_with_args,_SPI_cursor_open_with_paramlist=Module._SPI_cursor_open_with_paramlist=e.SPI_cursor_open_with_paramlist,_SPI_cursor_parse_open=Module._SPI_cursor_parse_open=e.SPI_cursor_parse_open,_SPI_cursor_find=Module._SPI_cursor_find=e.SPI_cursor_find,_SPI_cursor_fetch=Module._SPI_cursor_fetch=e.SPI_cursor_fetch,_SPI_scroll_cursor_fetch=Module._SPI_scroll_cursor_fetch=e.SPI_scroll_cursor_fetch,_SPI_scroll_cursor_move=Module._SPI_scroll_cursor_move=e.SPI_scroll_cursor_move,_SPI_cursor_close=Module._SPI_cursor_close=e.SPI_cursor_close,_SPI_plan_is_valid=Module._SPI_plan_is_valid=e.SPI_plan_is_valid,_SPI_result_code_string=Module._SPI_result_code_string=e.SPI_result_code_string,_SPI_plan_get_plan_sources=Module._SPI_plan_get_plan_sources=e.SPI_plan_get_plan_sources,_SPI_plan_get_cached_plan=Module._SPI_plan_get_cached_plan=e.SPI_plan_get_cached_plan,_SPI_register_relation=Module._SPI_register_relation=e.SPI_register_relation,_create_queryEnv=Module._create_queryEnv=e.create_queryEnv,_register_ENR=Module._register_ENR=e.register_ENR,_SPI_register_trigger_data=Module._SPI_register_trigger_data=e.SPI_register_trigger_data,_tuplestore_tuple_count=Module._tuplestore_tuple_count=e.tuplestore_tuple_count,_GetUserMapping=Module._GetUserMapping=e.GetUserMapping,_GetForeignTable=Module._GetForeignTable=e.GetForeignTable,_GetForeignColumnOptions=Module._GetForeignColumnOptions=e.GetForeignColumnOptions,_initClosestMatch=Module._initClosestMatch=e.initClosestMatch,_updateClosestMatch=Module._updateClosestMatch=e.updateClosestMatch,_getClosestMatch=Module._getClosestMatch=e.getClosestMatch,_GetExistingLocalJoinPath=Module._GetExistingLocalJoinPath=e.GetExistingLocalJoinPath,_pathkeys_contained_in=Module._pathkeys_contained_in=e.pathkeys_contained_in,_bloom_create=Module._bloom_create=e.bloom_create,_bloom_free=Module._bloom_free=e.bloom_free,_bloom_add_element=Module._bloom_add_element=e.bloom_add_element,_bloom_lacks_element=Module._bloom_lacks_element=e.bloom_lacks_element,_bloom_prop_bits_set=Module._bloom_prop_bits_set=e.bloom_prop_bits_set,_dshash_create=Module._dshash_create=e.dshash_create,_dshash_attach=Module._dshash_attach=e.dshash_attach,_dshash_detach=Module._dshash_detach=e.dshash_detach,_dshash_destroy=Module._dshash_destroy=e.dshash_destroy,_dshash_get_hash_table_handle=Module._dshash_get_hash_table_handle=e.dshash_get_hash_table_handle,_dshash_find=Module._dshash_find=e.dshash_find,_dshash_find_or_insert=Module._dshash_find_or_insert=e.dshash_find_or_insert,_dshash_delete_key=Module._dshash_delete_key=e.dshash_delete_key,_dshash_release_lock=Module._dshash_release_lock=e.dshash_release_lock,_tag_hash=Module._tag_hash=e.tag_hash,_dshash_seq_init=Module._dshash_seq_init=e.dshash_seq_init,_dshash_seq_next=Module._dshash_seq_next=e.dshash_seq_next,_dshash_seq_term=Module._dshash_seq_term=e.dshash_seq_term,_dshash_delete_current=Module._dshash_delete_current=e.dshash_delete_current,_ldexp=Module._ldexp=e.ldexp,_pg_b64_enc_len=Module._pg_b64_enc_len=e.pg_b64_enc_len,_pg_b64_encode=Module._pg_b64_encode=e.pg_b64_encode,_strtol=Module._strtol=e.strtol,_gai_strerror=Module._gai_strerror=e.gai_strerror,_bind=Module._bind=e.bind,_pgl_connect=Module._pgl_connect=e.pgl_connect,_pgl_send=Module._pgl_send=e.pgl_send,_pgl_recv=Module._pgl_recv=e.pgl_recv,_sendto=Module._sendto=e.sendto,_select=Module._select=e.select,_recvfrom=Module._recvfrom=e.recvfrom,_be_lo_unlink=Module._be_lo_unlink=e.be_lo_unlink,_text_to_cstring_buffer=Module._text_to_cstring_buffer=e.text_to_cstring_buffer,_feof=Module._feof=e.feof,_pg_mb2wchar_with_len=Module._pg_mb2wchar_with_len=e.pg_mb2wchar_with_len,_pg_regcomp=Module._pg_regcomp=e.pg_regcomp,_pg_regerror=Module._pg_regerror=e.pg_regerror,_strcat=Module._strcat=e.strcat,_freeaddrinfo=Module._freeaddrinfo=e.freeaddrinfo,_pgl_getsockname=Module._pgl_getsockname=e.pgl_getsockname,_pgl_setsockopt=Module._pgl_setsockopt=e.pgl_setsockopt,_pgl_fcntl=Module._pgl_fcntl=e.pgl_fcntl,_listen=Module._listen=e.listen,_accept=Module._accept=e.accept,_utime=Module._utime=e.utime,_pq_buffer_remaining_data=Module._pq_buffer_remaining_data=e.pq_buffer_remaining_data,_pgl_getsockopt=Module._pgl_getsockopt=e.pgl_getsockopt,_pq_sendtext=Module._pq_sendtext=e.pq_sendtext,_pq_sendfloat4=Module._pq_sendfloat4=e.pq_sendfloat4,_pq_sendfloat8=Module._pq_sendfloat8=e.pq_sendfloat8,_pq_begintypsend=Module._pq_begintypsend=e.pq_begintypsend,_pq_endtypsend=Module._pq_endtypsend=e.pq_endtypsend,_pq_getmsgfloat4=Module._pq_getmsgfloat4=e.pq_getmsgfloat4,_pq_getmsgfloat8=Module._pq_getmsgfloat8=e.pq_getmsgfloat8,_pq_getmsgtext=Module._pq_getmsgtext=e.pq_getmsgtext,_pg_strtoint32=Module._pg_strtoint32=e.pg_strtoint32,_main=Module._main=e.__main_argc_argv,_pgl_getuid=Module._pgl_getuid=e.pgl_getuid,_getenv=Module._getenv=e.getenv,_bms_membership=Module._bms_membership=e.bms_membership,_RegisterExtensibleNodeMethods=Module._RegisterExtensibleNodeMethods=e.RegisterExtensibleNodeMethods,_list_make5_impl=Module._list_make5_impl=e.list_make5_impl,_GetMemoryChunkContext=Module._GetMemoryChunkContext=e.GetMemoryChunkContext,_list_insert_nth=Module._list_insert_nth=e.list_insert_nth,_list_member_ptr=Module._list_member_ptr=e.list_member_ptr,_list_delete_int=Module._list_delete_int=e.list_delete_int,_list_intersection=Module._list_intersection=e.list_intersection,_list_append_unique_ptr=Module._list_append_unique_ptr=e.list_append_unique_ptr,_list_append_unique_int=Module._list_append_unique_int=e.list_append_unique_int,_list_concat_unique_int=Module._list_concat_unique_int=e.list_concat_unique_int,_make_opclause=Module._make_opclause=e.make_opclause,_exprIsLengthCoercion=Module._exprIsLengthCoercion=e.exprIsLengthCoercion,_fix_opfuncids=Module._fix_opfuncids=e.fix_opfuncids,_outToken=Module._outToken=e.outToken,_outNode=Module._outNode=e.outNode,_appendStringInfoStringQuoted=Module._appendStringInfoStringQuoted=e.appendStringInfoStringQuoted,_EnableQueryId=Module._EnableQueryId=e.EnableQueryId,_nodeRead=Module._nodeRead=e.nodeRead,_pg_strtok=Module._pg_strtok=e.pg_strtok,_debackslash=Module._debackslash=e.debackslash,_exp2=Module._exp2=e.exp2,_find_base_rel=Module._find_base_rel=e.find_base_rel,_add_path=Module._add_path=e.add_path,_create_sort_path=Module._create_sort_path=e.create_sort_path,_set_baserel_size_estimates=Module._set_baserel_size_estimates=e.set_baserel_size_estimates,_get_func_support=Module._get_func_support=e.get_func_support,_clauselist_selectivity=Module._clauselist_selectivity=e.clauselist_selectivity,_get_tablespace_page_costs=Module._get_tablespace_page_costs=e.get_tablespace_page_costs,_cost_qual_eval=Module._cost_qual_eval=e.cost_qual_eval,_pull_varnos=Module._pull_varnos=e.pull_varnos,_estimate_num_groups=Module._estimate_num_groups=e.estimate_num_groups,_cost_sort=Module._cost_sort=e.cost_sort,_get_sortgrouplist_exprs=Module._get_sortgrouplist_exprs=e.get_sortgrouplist_exprs,_get_attavgwidth=Module._get_attavgwidth=e.get_attavgwidth,_make_restrictinfo=Module._make_restrictinfo=e.make_restrictinfo,_setup_eclass_member_iterator=Module._setup_eclass_member_iterator=e.setup_eclass_member_iterator,_eclass_member_iterator_next=Module._eclass_member_iterator_next=e.eclass_member_iterator_next,_remove_nulling_relids=Module._remove_nulling_relids=e.remove_nulling_relids,_get_mergejoin_opfamilies=Module._get_mergejoin_opfamilies=e.get_mergejoin_opfamilies,_generate_implied_equalities_for_column=Module._generate_implied_equalities_for_column=e.generate_implied_equalities_for_column,_eclass_useful_for_merging=Module._eclass_useful_for_merging=e.eclass_useful_for_merging,_join_clause_is_movable_to=Module._join_clause_is_movable_to=e.join_clause_is_movable_to,_get_plan_rowmark=Module._get_plan_rowmark=e.get_plan_rowmark,_is_pseudo_constant_for_index=Module._is_pseudo_constant_for_index=e.is_pseudo_constant_for_index,_update_mergeclause_eclasses=Module._update_mergeclause_eclasses=e.update_mergeclause_eclasses,_pull_vars_of_level=Module._pull_vars_of_level=e.pull_vars_of_level,_find_join_rel=Module._find_join_rel=e.find_join_rel,_make_canonical_pathkey=Module._make_canonical_pathkey=e.make_canonical_pathkey,_get_sortgroupref_clause_noerr=Module._get_sortgroupref_clause_noerr=e.get_sortgroupref_clause_noerr,_extract_actual_clauses=Module._extract_actual_clauses=e.extract_actual_clauses,_tlist_member=Module._tlist_member=e.tlist_member,_change_plan_targetlist=Module._change_plan_targetlist=e.change_plan_targetlist,_make_foreignscan=Module._make_foreignscan=e.make_foreignscan,_IncrementVarSublevelsUp=Module._IncrementVarSublevelsUp=e.IncrementVarSublevelsUp,_op_mergejoinable=Module._op_mergejoinable=e.op_mergejoinable,_find_nonnullable_rels=Module._find_nonnullable_rels=e.find_nonnullable_rels,_setup_simple_rel_arrays=Module._setup_simple_rel_arrays=e.setup_simple_rel_arrays,_standard_planner=Module._standard_planner=e.standard_planner,_get_relids_in_jointree=Module._get_relids_in_jointree=e.get_relids_in_jointree,_SS_process_sublinks=Module._SS_process_sublinks=e.SS_process_sublinks,_add_new_columns_to_pathtarget=Module._add_new_columns_to_pathtarget=e.add_new_columns_to_pathtarget,_get_agg_clause_costs=Module._get_agg_clause_costs=e.get_agg_clause_costs,_grouping_is_sortable=Module._grouping_is_sortable=e.grouping_is_sortable,_copy_pathtarget=Module._copy_pathtarget=e.copy_pathtarget,_create_projection_path=Module._create_projection_path=e.create_projection_path,_contain_nonstrict_functions=Module._contain_nonstrict_functions=e.contain_nonstrict_functions,_get_translated_update_targetlist=Module._get_translated_update_targetlist=e.get_translated_update_targetlist,_add_row_identity_var=Module._add_row_identity_var=e.add_row_identity_var,_get_rel_all_updated_cols=Module._get_rel_all_updated_cols=e.get_rel_all_updated_cols,_get_baserel_parampathinfo=Module._get_baserel_parampathinfo=e.get_baserel_parampathinfo,_create_foreignscan_path=Module._create_foreignscan_path=e.create_foreignscan_path,_create_foreign_join_path=Module._create_foreign_join_path=e.create_foreign_join_path,_create_foreign_upper_path=Module._create_foreign_upper_path=e.create_foreign_upper_path,_adjust_limit_rows_costs=Module._adjust_limit_rows_costs=e.adjust_limit_rows_costs,_add_to_flat_tlist=Module._add_to_flat_tlist=e.add_to_flat_tlist,_get_fn_expr_variadic=Module._get_fn_expr_variadic=e.get_fn_expr_variadic,_get_fn_expr_argtype=Module._get_fn_expr_argtype=e.get_fn_expr_argtype,_on_shmem_exit=Module._on_shmem_exit=e.on_shmem_exit,_pgl_shmdt=Module._pgl_shmdt=e.pgl_shmdt,_pgl_shmctl=Module._pgl_shmctl=e.pgl_shmctl,_pgl_shmat=Module._pgl_shmat=e.pgl_shmat,_mmap=Module._mmap=e.mmap,_pgl_shmget=Module._pgl_shmget=e.pgl_shmget,_pgl_munmap=Module._pgl_munmap=e.pgl_munmap,_SignalHandlerForConfigReload=Module._SignalHandlerForConfigReload=e.SignalHandlerForConfigReload,_SignalHandlerForShutdownRequest=Module._SignalHandlerForShutdownRequest=e.SignalHandlerForShutdownRequest,_procsignal_sigusr1_handler=Module._procsignal_sigusr1_handler=e.procsignal_sigusr1_handler,_ConditionalLockDatabaseObject=Module._ConditionalLockDatabaseObject=e.ConditionalLockDatabaseObject,_RegisterBackgroundWorker=Module._RegisterBackgroundWorker=e.RegisterBackgroundWorker,_WaitForBackgroundWorkerStartup=Module._WaitForBackgroundWorkerStartup=e.WaitForBackgroundWorkerStartup,_open=Module._open=e.open,_rename=Module._rename=e.rename,_GetConfigOption=Module._GetConfigOption=e.GetConfigOption,_puts=Module._puts=e.puts,_fopen=Module._fopen=e.fopen,_fclose=Module._fclose=e.fclose,_fputc=Module._fputc=e.fputc,_ftello=Module._ftello=e.ftello,_malloc=Module._malloc=e.malloc,_free=Module._free=e.free,_realloc=Module._realloc=e.realloc,_iswprint_l=Module._iswprint_l=e.iswprint_l,_iswalpha_l=Module._iswalpha_l=e.iswalpha_l,_iswdigit_l=Module._iswdigit_l=e.iswdigit_l,_isdigit_l=Module._isdigit_l=e.isdigit_l,_iswpunct_l=Module._iswpunct_l=e.iswpunct_l,_iswspace_l=Module._iswspace_l=e.iswspace_l,_iswlower_l=Module._iswlower_l=e.iswlower_l,_iswupper_l=Module._iswupper_l=e.iswupper_l,_pg_ascii_tolower=Module._pg_ascii_tolower=e.pg_ascii_tolower,_towlower_l=Module._towlower_l=e.towlower_l,_tolower_l=Module._tolower_l=e.tolower_l,_towupper_l=Module._towupper_l=e.towupper_l,_toupper_l=Module._toupper_l=e.toupper_l,_pg_reg_getinitialstate=Module._pg_reg_getinitialstate=e.pg_reg_getinitialstate,_pg_reg_getfinalstate=Module._pg_reg_getfinalstate=e.pg_reg_getfinalstate,_pg_reg_getnumoutarcs=Module._pg_reg_getnumoutarcs=e.pg_reg_getnumoutarcs,_pg_reg_getoutarcs=Module._pg_reg_getoutarcs=e.pg_reg_getoutarcs,_pg_reg_getnumcolors=Module._pg_reg_getnumcolors=e.pg_reg_getnumcolors,_pg_reg_colorisbegin=Module._pg_reg_colorisbegin=e.pg_reg_colorisbegin,_pg_reg_colorisend=Module._pg_reg_colorisend=e.pg_reg_colorisend,_pg_reg_getnumcharacters=Module._pg_reg_getnumcharacters=e.pg_reg_getnumcharacters,_pg_reg_getcharacters=Module._pg_reg_getcharacters=e.pg_reg_getcharacters,_dsa_pin=Module._dsa_pin=e.dsa_pin,_OutputPluginPrepareWrite=Module._OutputPluginPrepareWrite=e.OutputPluginPrepareWrite,_OutputPluginWrite=Module._OutputPluginWrite=e.OutputPluginWrite,_array_contains_nulls=Module._array_contains_nulls=e.array_contains_nulls,_CacheRegisterRelcacheCallback=Module._CacheRegisterRelcacheCallback=e.CacheRegisterRelcacheCallback,_hash_seq_term=Module._hash_seq_term=e.hash_seq_term,_FreeErrorData=Module._FreeErrorData=e.FreeErrorData,_RelidByRelfilenumber=Module._RelidByRelfilenumber=e.RelidByRelfilenumber,_SnapBuildRestoreSnapshot=Module._SnapBuildRestoreSnapshot=e.SnapBuildRestoreSnapshot,_WaitLatchOrSocket=Module._WaitLatchOrSocket=e.WaitLatchOrSocket,_BufFileCreateFileSet=Module._BufFileCreateFileSet=e.BufFileCreateFileSet,_BufFileOpenFileSet=Module._BufFileOpenFileSet=e.BufFileOpenFileSet,_BufFileTell=Module._BufFileTell=e.BufFileTell,_ConditionVariablePrepareToSleep=Module._ConditionVariablePrepareToSleep=e.ConditionVariablePrepareToSleep,_get_row_security_policies=Module._get_row_security_policies=e.get_row_security_policies,_extract_variadic_args=Module._extract_variadic_args=e.extract_variadic_args,_errhidestmt=Module._errhidestmt=e.errhidestmt,_errhidecontext=Module._errhidecontext=e.errhidecontext,_hash_estimate_size=Module._hash_estimate_size=e.hash_estimate_size,_ShmemInitHash=Module._ShmemInitHash=e.ShmemInitHash,_LockBufHdr=Module._LockBufHdr=e.LockBufHdr,_LWLockHeldByMeInMode=Module._LWLockHeldByMeInMode=e.LWLockHeldByMeInMode,_EvictUnpinnedBuffer=Module._EvictUnpinnedBuffer=e.EvictUnpinnedBuffer,_EvictAllUnpinnedBuffers=Module._EvictAllUnpinnedBuffers=e.EvictAllUnpinnedBuffers,_EvictRelUnpinnedBuffers=Module._EvictRelUnpinnedBuffers=e.EvictRelUnpinnedBuffers,_have_free_buffer=Module._have_free_buffer=e.have_free_buffer,_calloc=Module._calloc=e.calloc,_BufFileExportFileSet=Module._BufFileExportFileSet=e.BufFileExportFileSet,_BufFileRead=Module._BufFileRead=e.BufFileRead,_copy_file=Module._copy_file=e.copy_file,_fdatasync=Module._fdatasync=e.fdatasync,_truncate=Module._truncate=e.truncate,_dup=Module._dup=e.dup,_AcquireExternalFD=Module._AcquireExternalFD=e.AcquireExternalFD,_mkdir=Module._mkdir=e.mkdir,_pgl_popen=Module._pgl_popen=e.pgl_popen,_pgl_pclose=Module._pgl_pclose=e.pgl_pclose,_closedir=Module._closedir=e.closedir,_opendir=Module._opendir=e.opendir,_readdir=Module._readdir=e.readdir,_GetNamedDSMSegment=Module._GetNamedDSMSegment=e.GetNamedDSMSegment,_pgl_atexit=Module._pgl_atexit=e.pgl_atexit,_RequestAddinShmemSpace=Module._RequestAddinShmemSpace=e.RequestAddinShmemSpace,_GetRunningTransactionData=Module._GetRunningTransactionData=e.GetRunningTransactionData,_BackendXidGetPid=Module._BackendXidGetPid=e.BackendXidGetPid,_pg_numa_init=Module._pg_numa_init=e.pg_numa_init,_sysconf=Module._sysconf=e.sysconf,_pg_numa_query_pages=Module._pg_numa_query_pages=e.pg_numa_query_pages,_pg_get_shmem_pagesize=Module._pg_get_shmem_pagesize=e.pg_get_shmem_pagesize,_LockAcquire=Module._LockAcquire=e.LockAcquire,_LockRelease=Module._LockRelease=e.LockRelease,_pgl_poll=Module._pgl_poll=e.pgl_poll,_GetLockmodeName=Module._GetLockmodeName=e.GetLockmodeName,_LWLockRegisterTranche=Module._LWLockRegisterTranche=e.LWLockRegisterTranche,_GetNamedLWLockTranche=Module._GetNamedLWLockTranche=e.GetNamedLWLockTranche,_LWLockNewTrancheId=Module._LWLockNewTrancheId=e.LWLockNewTrancheId,_RequestNamedLWLockTranche=Module._RequestNamedLWLockTranche=e.RequestNamedLWLockTranche,_LWLockHeldByMe=Module._LWLockHeldByMe=e.LWLockHeldByMe,_ProcessStartupPacket=Module._ProcessStartupPacket=e.ProcessStartupPacket,_htons=e.htons,_htonl=e.htonl,_pgl_startPGlite=Module._pgl_startPGlite=e.pgl_startPGlite,_pgl_pq_flush=Module._pgl_pq_flush=e.pgl_pq_flush,_pgl_getMyProcPort=Module._pgl_getMyProcPort=e.pgl_getMyProcPort,_pgl_sendConnData=Module._pgl_sendConnData=e.pgl_sendConnData,_PostgresMainLongJmp=Module._PostgresMainLongJmp=e.PostgresMainLongJmp,_PostgresMainLoopOnce=Module._PostgresMainLoopOnce=e.PostgresMainLoopOnce,_PostgresSendReadyForQueryIfNecessary=Module._PostgresSendReadyForQueryIfNecessary=e.PostgresSendReadyForQueryIfNecessary,_GetCommandLogLevel=Module._GetCommandLogLevel=e.GetCommandLogLevel,_standard_ProcessUtility=Module._standard_ProcessUtility=e.standard_ProcessUtility,_lookup_ts_dictionary_cache=Module._lookup_ts_dictionary_cache=e.lookup_ts_dictionary_cache,_get_tsearch_config_filename=Module._get_tsearch_config_filename=e.get_tsearch_config_filename,_str_tolower=Module._str_tolower=e.str_tolower,_readstoplist=Module._readstoplist=e.readstoplist,_searchstoplist=Module._searchstoplist=e.searchstoplist,_tsearch_readline_begin=Module._tsearch_readline_begin=e.tsearch_readline_begin,_tsearch_readline=Module._tsearch_readline=e.tsearch_readline,_tsearch_readline_end=Module._tsearch_readline_end=e.tsearch_readline_end,_stringToQualifiedNameList=Module._stringToQualifiedNameList=e.stringToQualifiedNameList,_getTSCurrentConfig=Module._getTSCurrentConfig=e.getTSCurrentConfig,_to_tsvector_byid=Module._to_tsvector_byid=e.to_tsvector_byid,_t_isalnum_with_len=Module._t_isalnum_with_len=e.t_isalnum_with_len,_isalnum=Module._isalnum=e.isalnum,_t_isalnum_cstr=Module._t_isalnum_cstr=e.t_isalnum_cstr,_pg_mblen_unbounded=Module._pg_mblen_unbounded=e.pg_mblen_unbounded,_get_restriction_variable=Module._get_restriction_variable=e.get_restriction_variable,_pg_mblen_range=Module._pg_mblen_range=e.pg_mblen_range,_MemoryContextAllocHuge=Module._MemoryContextAllocHuge=e.MemoryContextAllocHuge,_fseek=Module._fseek=e.fseek,_WaitEventExtensionNew=Module._WaitEventExtensionNew=e.WaitEventExtensionNew,_regprocedurein=Module._regprocedurein=e.regprocedurein,_is_member_of_role=Module._is_member_of_role=e.is_member_of_role,_expand_array=Module._expand_array=e.expand_array,_exp=Module._exp=e.exp,_arraycontsel=Module._arraycontsel=e.arraycontsel,_arraycontjoinsel=Module._arraycontjoinsel=e.arraycontjoinsel,_initArrayResult=Module._initArrayResult=e.initArrayResult,_array_create_iterator=Module._array_create_iterator=e.array_create_iterator,_array_iterate=Module._array_iterate=e.array_iterate,_array_free_iterator=Module._array_free_iterator=e.array_free_iterator,_ArrayGetIntegerTypmods=Module._ArrayGetIntegerTypmods=e.ArrayGetIntegerTypmods,_boolin=Module._boolin=e.boolin,___multi3=Module.___multi3=e.__multi3,_cash_cmp=Module._cash_cmp=e.cash_cmp,_int64_to_numeric=Module._int64_to_numeric=e.int64_to_numeric,_numeric_div=Module._numeric_div=e.numeric_div,_numeric_round=Module._numeric_round=e.numeric_round,_numeric_int8=Module._numeric_int8=e.numeric_int8,_numeric_mul=Module._numeric_mul=e.numeric_mul,_j2date=Module._j2date=e.j2date,_EncodeDateOnly=Module._EncodeDateOnly=e.EncodeDateOnly,_EncodeSpecialDate=Module._EncodeSpecialDate=e.EncodeSpecialDate,_date_eq=Module._date_eq=e.date_eq,_date_lt=Module._date_lt=e.date_lt,_date_le=Module._date_le=e.date_le,_date_gt=Module._date_gt=e.date_gt,_date_ge=Module._date_ge=e.date_ge,_date_cmp=Module._date_cmp=e.date_cmp,_date_mi=Module._date_mi=e.date_mi,_timestamp2tm=Module._timestamp2tm=e.timestamp2tm,_time2tm=Module._time2tm=e.time2tm,_EncodeTimeOnly=Module._EncodeTimeOnly=e.EncodeTimeOnly,_time_eq=Module._time_eq=e.time_eq,_time_lt=Module._time_lt=e.time_lt,_time_le=Module._time_le=e.time_le,_time_gt=Module._time_gt=e.time_gt,_time_ge=Module._time_ge=e.time_ge,_time_cmp=Module._time_cmp=e.time_cmp,_time_mi_time=Module._time_mi_time=e.time_mi_time,_timetz2tm=Module._timetz2tm=e.timetz2tm,_timetz_cmp=Module._timetz_cmp=e.timetz_cmp,_pg_tolower=Module._pg_tolower=e.pg_tolower,_EncodeDateTime=Module._EncodeDateTime=e.EncodeDateTime,_TransferExpandedObject=Module._TransferExpandedObject=e.TransferExpandedObject,_forkname_to_number=Module._forkname_to_number=e.forkname_to_number,_numeric_lt=Module._numeric_lt=e.numeric_lt,_numeric_abs=Module._numeric_abs=e.numeric_abs,_numeric_add=Module._numeric_add=e.numeric_add,_numeric_ge=Module._numeric_ge=e.numeric_ge,_err_generic_string=Module._err_generic_string=e.err_generic_string,_domain_check=Module._domain_check=e.domain_check,_enum_lt=Module._enum_lt=e.enum_lt,_enum_le=Module._enum_le=e.enum_le,_enum_ge=Module._enum_ge=e.enum_ge,_enum_gt=Module._enum_gt=e.enum_gt,_enum_cmp=Module._enum_cmp=e.enum_cmp,_make_expanded_record_from_typeid=Module._make_expanded_record_from_typeid=e.make_expanded_record_from_typeid,_make_expanded_record_from_tupdesc=Module._make_expanded_record_from_tupdesc=e.make_expanded_record_from_tupdesc,_make_expanded_record_from_exprecord=Module._make_expanded_record_from_exprecord=e.make_expanded_record_from_exprecord,_expanded_record_set_tuple=Module._expanded_record_set_tuple=e.expanded_record_set_tuple,_expanded_record_get_tuple=Module._expanded_record_get_tuple=e.expanded_record_get_tuple,_deconstruct_expanded_record=Module._deconstruct_expanded_record=e.deconstruct_expanded_record,_expanded_record_lookup_field=Module._expanded_record_lookup_field=e.expanded_record_lookup_field,_expanded_record_set_field_internal=Module._expanded_record_set_field_internal=e.expanded_record_set_field_internal,_expanded_record_set_fields=Module._expanded_record_set_fields=e.expanded_record_set_fields,_float4in_internal=Module._float4in_internal=e.float4in_internal,_strtof=Module._strtof=e.strtof,_float_to_shortest_decimal_buf=Module._float_to_shortest_decimal_buf=e.float_to_shortest_decimal_buf,_float8in=Module._float8in=e.float8in,_float8in_internal=Module._float8in_internal=e.float8in_internal,_float8out=Module._float8out=e.float8out,_float8out_internal=Module._float8out_internal=e.float8out_internal,_float8pl=Module._float8pl=e.float8pl,_float4_cmp_internal=Module._float4_cmp_internal=e.float4_cmp_internal,_btfloat4cmp=Module._btfloat4cmp=e.btfloat4cmp,_btfloat8cmp=Module._btfloat8cmp=e.btfloat8cmp,_dtoi4=Module._dtoi4=e.dtoi4,_dtoi2=Module._dtoi2=e.dtoi2,_cbrt=Module._cbrt=e.cbrt,_dexp=Module._dexp=e.dexp,_log10=Module._log10=e.log10,_dacos=Module._dacos=e.dacos,_acos=Module._acos=e.acos,_dasin=Module._dasin=e.dasin,_asin=Module._asin=e.asin,_datan=Module._datan=e.datan,_atan=Module._atan=e.atan,_datan2=Module._datan2=e.datan2,_atan2=Module._atan2=e.atan2,_dcos=Module._dcos=e.dcos,_cos=Module._cos=e.cos,_dcot=Module._dcot=e.dcot,_tan=Module._tan=e.tan,_dsin=Module._dsin=e.dsin,_sin=Module._sin=e.sin,_dtan=Module._dtan=e.dtan,_fmod=Module._fmod=e.fmod,_degrees=Module._degrees=e.degrees,_dpi=Module._dpi=e.dpi,_radians=Module._radians=e.radians,_sinh=Module._sinh=e.sinh,_cosh=Module._cosh=e.cosh,_tanh=Module._tanh=e.tanh,_asinh=Module._asinh=e.asinh,_acosh=Module._acosh=e.acosh,_atanh=Module._atanh=e.atanh,_float8_accum=Module._float8_accum=e.float8_accum,_float8_stddev_pop=Module._float8_stddev_pop=e.float8_stddev_pop,_float8_stddev_samp=Module._float8_stddev_samp=e.float8_stddev_samp,_asc_tolower=Module._asc_tolower=e.asc_tolower,_pg_strfold=Module._pg_strfold=e.pg_strfold,_numeric_power=Module._numeric_power=e.numeric_power,_dtoi8=Module._dtoi8=e.dtoi8,_int8out=Module._int8out=e.int8out,_fseeko=Module._fseeko=e.fseeko,_int4in=Module._int4in=e.int4in,_int4_bool=Module._int4_bool=e.int4_bool,_int8pl=Module._int8pl=e.int8pl,_int84=Module._int84=e.int84,_int82=Module._int82=e.int82,_json_in=Module._json_in=e.json_in,_EncodeSpecialTimestamp=Module._EncodeSpecialTimestamp=e.EncodeSpecialTimestamp,_pushJsonbValue=Module._pushJsonbValue=e.pushJsonbValue,_numeric_int2=Module._numeric_int2=e.numeric_int2,_numeric_int4=Module._numeric_int4=e.numeric_int4,_numeric_float4=Module._numeric_float4=e.numeric_float4,_numeric_normalize=Module._numeric_normalize=e.numeric_normalize,_numeric_cmp=Module._numeric_cmp=e.numeric_cmp,_numeric_eq=Module._numeric_eq=e.numeric_eq,_hash_numeric=Module._hash_numeric=e.hash_numeric,_hash_numeric_extended=Module._hash_numeric_extended=e.hash_numeric_extended,_int2_numeric=Module._int2_numeric=e.int2_numeric,_int4_numeric=Module._int4_numeric=e.int4_numeric,_int8_numeric=Module._int8_numeric=e.int8_numeric,_float4_numeric=Module._float4_numeric=e.float4_numeric,_float8_numeric=Module._float8_numeric=e.float8_numeric,_numeric_uminus=Module._numeric_uminus=e.numeric_uminus,_numeric_is_nan=Module._numeric_is_nan=e.numeric_is_nan,_numeric_ceil=Module._numeric_ceil=e.numeric_ceil,_numeric_floor=Module._numeric_floor=e.numeric_floor,_timestamp_cmp=Module._timestamp_cmp=e.timestamp_cmp,_macaddr_cmp=Module._macaddr_cmp=e.macaddr_cmp,_macaddr_lt=Module._macaddr_lt=e.macaddr_lt,_macaddr_le=Module._macaddr_le=e.macaddr_le,_macaddr_eq=Module._macaddr_eq=e.macaddr_eq,_macaddr_ge=Module._macaddr_ge=e.macaddr_ge,_macaddr_gt=Module._macaddr_gt=e.macaddr_gt,_macaddr8_cmp=Module._macaddr8_cmp=e.macaddr8_cmp,_macaddr8_lt=Module._macaddr8_lt=e.macaddr8_lt,_macaddr8_le=Module._macaddr8_le=e.macaddr8_le,_macaddr8_eq=Module._macaddr8_eq=e.macaddr8_eq,_macaddr8_ge=Module._macaddr8_ge=e.macaddr8_ge,_macaddr8_gt=Module._macaddr8_gt=e.macaddr8_gt,_current_query=Module._current_query=e.current_query,_generate_collation_name=Module._generate_collation_name=e.generate_collation_name,_get_fn_expr_arg_stable=Module._get_fn_expr_arg_stable=e.get_fn_expr_arg_stable,_unpack_sql_state=Module._unpack_sql_state=e.unpack_sql_state,_get_fn_expr_rettype=Module._get_fn_expr_rettype=e.get_fn_expr_rettype,_btnamecmp=Module._btnamecmp=e.btnamecmp,_inet_in=Module._inet_in=e.inet_in,_network_cmp=Module._network_cmp=e.network_cmp,_convert_network_to_scalar=Module._convert_network_to_scalar=e.convert_network_to_scalar,_numeric_sign=Module._numeric_sign=e.numeric_sign,_numeric_gt=Module._numeric_gt=e.numeric_gt,_numeric_le=Module._numeric_le=e.numeric_le,_numeric_mod=Module._numeric_mod=e.numeric_mod,_numeric_sqrt=Module._numeric_sqrt=e.numeric_sqrt,___divti3=Module.___divti3=e.__divti3,_numeric_exp=Module._numeric_exp=e.numeric_exp,_numeric_ln=Module._numeric_ln=e.numeric_ln,_numeric_log=Module._numeric_log=e.numeric_log,_numeric_float8_no_overflow=Module._numeric_float8_no_overflow=e.numeric_float8_no_overflow,_oidout=Module._oidout=e.oidout,_btrim1=Module._btrim1=e.btrim1,_ltrim1=Module._ltrim1=e.ltrim1,_rtrim1=Module._rtrim1=e.rtrim1,_tuplesort_skiptuples=Module._tuplesort_skiptuples=e.tuplesort_skiptuples,_interval_mi=Module._interval_mi=e.interval_mi,_setlocale=Module._setlocale=e.setlocale,_newlocale=Module._newlocale=e.newlocale,_strftime_l=Module._strftime_l=e.strftime_l,_freelocale=Module._freelocale=e.freelocale,_pg_utf_mblen_private=Module._pg_utf_mblen_private=e.pg_utf_mblen_private,_uselocale=Module._uselocale=e.uselocale,_strcoll_l=Module._strcoll_l=e.strcoll_l,_strxfrm_l=Module._strxfrm_l=e.strxfrm_l,_drandom=Module._drandom=e.drandom,_quote_ident=Module._quote_ident=e.quote_ident,_textregexeq=Module._textregexeq=e.textregexeq,_text_substr=Module._text_substr=e.text_substr,_pg_wchar2mb_with_len=Module._pg_wchar2mb_with_len=e.pg_wchar2mb_with_len,_regexp_split_to_array=Module._regexp_split_to_array=e.regexp_split_to_array,_regclassin=Module._regclassin=e.regclassin,_regtypeout=Module._regtypeout=e.regtypeout,_regconfigout=Module._regconfigout=e.regconfigout,_pg_get_indexdef_columns_extended=Module._pg_get_indexdef_columns_extended=e.pg_get_indexdef_columns_extended,_pg_get_querydef=Module._pg_get_querydef=e.pg_get_querydef,_strcspn=Module._strcspn=e.strcspn,_generic_restriction_selectivity=Module._generic_restriction_selectivity=e.generic_restriction_selectivity,_genericcostestimate=Module._genericcostestimate=e.genericcostestimate,_tidin=Module._tidin=e.tidin,_tidout=Module._tidout=e.tidout,_timestamp_in=Module._timestamp_in=e.timestamp_in,_timestamp_eq=Module._timestamp_eq=e.timestamp_eq,_timestamp_lt=Module._timestamp_lt=e.timestamp_lt,_timestamp_gt=Module._timestamp_gt=e.timestamp_gt,_timestamp_le=Module._timestamp_le=e.timestamp_le,_timestamp_ge=Module._timestamp_ge=e.timestamp_ge,_interval_eq=Module._interval_eq=e.interval_eq,_interval_lt=Module._interval_lt=e.interval_lt,_interval_gt=Module._interval_gt=e.interval_gt,_interval_le=Module._interval_le=e.interval_le,_interval_ge=Module._interval_ge=e.interval_ge,_interval_cmp=Module._interval_cmp=e.interval_cmp,_timestamp_mi=Module._timestamp_mi=e.timestamp_mi,_interval_um=Module._interval_um=e.interval_um,_tsquery_requires_match=Module._tsquery_requires_match=e.tsquery_requires_match,_TS_execute_ternary=Module._TS_execute_ternary=e.TS_execute_ternary,_has_fn_opclass_options=Module._has_fn_opclass_options=e.has_fn_opclass_options,_uuid_in=Module._uuid_in=e.uuid_in,_uuid_out=Module._uuid_out=e.uuid_out,_uuid_cmp=Module._uuid_cmp=e.uuid_cmp,_gen_random_uuid=Module._gen_random_uuid=e.gen_random_uuid,_varbit_in=Module._varbit_in=e.varbit_in,_biteq=Module._biteq=e.biteq,_bitlt=Module._bitlt=e.bitlt,_bitle=Module._bitle=e.bitle,_bitgt=Module._bitgt=e.bitgt,_bitge=Module._bitge=e.bitge,_bitcmp=Module._bitcmp=e.bitcmp,_bitlength=Module._bitlength=e.bitlength,_bpchareq=Module._bpchareq=e.bpchareq,_bpcharlt=Module._bpcharlt=e.bpcharlt,_bpcharle=Module._bpcharle=e.bpcharle,_bpchargt=Module._bpchargt=e.bpchargt,_bpcharge=Module._bpcharge=e.bpcharge,_bpcharcmp=Module._bpcharcmp=e.bpcharcmp,_pg_detoast_datum_slice=Module._pg_detoast_datum_slice=e.pg_detoast_datum_slice,_text_substr_no_len=Module._text_substr_no_len=e.text_substr_no_len,_texteq=Module._texteq=e.texteq,_text_lt=Module._text_lt=e.text_lt,_text_le=Module._text_le=e.text_le,_text_gt=Module._text_gt=e.text_gt,_text_ge=Module._text_ge=e.text_ge,_bttextcmp=Module._bttextcmp=e.bttextcmp,_byteaeq=Module._byteaeq=e.byteaeq,_bytealt=Module._bytealt=e.bytealt,_byteale=Module._byteale=e.byteale,_byteagt=Module._byteagt=e.byteagt,_byteage=Module._byteage=e.byteage,_byteacmp=Module._byteacmp=e.byteacmp,_to_hex32=Module._to_hex32=e.to_hex32,_text_left=Module._text_left=e.text_left,_text_right=Module._text_right=e.text_right,_text_reverse=Module._text_reverse=e.text_reverse,_varstr_levenshtein=Module._varstr_levenshtein=e.varstr_levenshtein,_wcslen=Module._wcslen=e.wcslen,_pg_xml_init=Module._pg_xml_init=e.pg_xml_init,_xml_ereport=Module._xml_ereport=e.xml_ereport,_pg_xml_done=Module._pg_xml_done=e.pg_xml_done,_pg_do_encoding_conversion=Module._pg_do_encoding_conversion=e.pg_do_encoding_conversion,_CreateCacheMemoryContext=Module._CreateCacheMemoryContext=e.CreateCacheMemoryContext,_cfunc_resolve_polymorphic_argtypes=Module._cfunc_resolve_polymorphic_argtypes=e.cfunc_resolve_polymorphic_argtypes,_get_typsubscript=Module._get_typsubscript=e.get_typsubscript,_CachedPlanAllowsSimpleValidityCheck=Module._CachedPlanAllowsSimpleValidityCheck=e.CachedPlanAllowsSimpleValidityCheck,_CachedPlanIsSimplyValid=Module._CachedPlanIsSimplyValid=e.CachedPlanIsSimplyValid,_GetCachedExpression=Module._GetCachedExpression=e.GetCachedExpression,_FreeCachedExpression=Module._FreeCachedExpression=e.FreeCachedExpression,_ReleaseAllPlanCacheRefsInOwner=Module._ReleaseAllPlanCacheRefsInOwner=e.ReleaseAllPlanCacheRefsInOwner,_SearchSysCache=Module._SearchSysCache=e.SearchSysCache,_lookup_rowtype_tupdesc_noerror=Module._lookup_rowtype_tupdesc_noerror=e.lookup_rowtype_tupdesc_noerror,_abort=Module._abort=e.abort,_in_error_recursion_trouble=Module._in_error_recursion_trouble=e.in_error_recursion_trouble,_pg_vfprintf=Module._pg_vfprintf=e.pg_vfprintf,_pgl_longjmp=Module._pgl_longjmp=e.pgl_longjmp,_openlog=Module._openlog=e.openlog,_syslog=Module._syslog=e.syslog,_GetErrorContextStack=Module._GetErrorContextStack=e.GetErrorContextStack,_closelog=Module._closelog=e.closelog,_dlsym=Module._dlsym=e.dlsym,_dlopen=Module._dlopen=e.dlopen,_dlerror=Module._dlerror=e.dlerror,_dlclose=Module._dlclose=e.dlclose,_find_rendezvous_variable=Module._find_rendezvous_variable=e.find_rendezvous_variable,_CallerFInfoFunctionCall1=Module._CallerFInfoFunctionCall1=e.CallerFInfoFunctionCall1,_CallerFInfoFunctionCall2=Module._CallerFInfoFunctionCall2=e.CallerFInfoFunctionCall2,_FunctionCall0Coll=Module._FunctionCall0Coll=e.FunctionCall0Coll,_RelationNameGetTupleDesc=Module._RelationNameGetTupleDesc=e.RelationNameGetTupleDesc,_memcpy=Module._memcpy=e.memcpy,_hash_freeze=Module._hash_freeze=e.hash_freeze,_chdir=Module._chdir=e.chdir,_pg_bindtextdomain=Module._pg_bindtextdomain=e.pg_bindtextdomain,_pg_mblen=Module._pg_mblen=e.pg_mblen,_check_encoding_conversion_args=Module._check_encoding_conversion_args=e.check_encoding_conversion_args,_DefineCustomBoolVariable=Module._DefineCustomBoolVariable=e.DefineCustomBoolVariable,_DefineCustomIntVariable=Module._DefineCustomIntVariable=e.DefineCustomIntVariable,_DefineCustomRealVariable=Module._DefineCustomRealVariable=e.DefineCustomRealVariable,_DefineCustomStringVariable=Module._DefineCustomStringVariable=e.DefineCustomStringVariable,_DefineCustomEnumVariable=Module._DefineCustomEnumVariable=e.DefineCustomEnumVariable,_MarkGUCPrefixReserved=Module._MarkGUCPrefixReserved=e.MarkGUCPrefixReserved,_sampler_random_init_state=Module._sampler_random_init_state=e.sampler_random_init_state,_dsa_trim=Module._dsa_trim=e.dsa_trim,_pchomp=Module._pchomp=e.pchomp,_PinPortal=Module._PinPortal=e.PinPortal,_UnpinPortal=Module._UnpinPortal=e.UnpinPortal,___lshrti3=Module.___lshrti3=e.__lshrti3,_realpath=Module._realpath=e.realpath,_float_to_shortest_decimal_bufn=Module._float_to_shortest_decimal_bufn=e.float_to_shortest_decimal_bufn,_IsValidJsonNumber=Module._IsValidJsonNumber=e.IsValidJsonNumber,_pg_prng_uint64=Module._pg_prng_uint64=e.pg_prng_uint64,_makeStringInfoExt=Module._makeStringInfoExt=e.makeStringInfoExt,_initStringInfoExt=Module._initStringInfoExt=e.initStringInfoExt,_pgl_getpwuid=Module._pgl_getpwuid=e.pgl_getpwuid,_getcwd=Module._getcwd=e.getcwd,_pthread_mutex_lock=Module._pthread_mutex_lock=e.pthread_mutex_lock,_localeconv=Module._localeconv=e.localeconv,_pthread_mutex_unlock=Module._pthread_mutex_unlock=e.pthread_mutex_unlock,_nanosleep=Module._nanosleep=e.nanosleep,_sigaction=Module._sigaction=e.sigaction,_strchrnul=Module._strchrnul=e.strchrnul,_snprintf=Module._snprintf=e.snprintf,_strerror_r=Module._strerror_r=e.strerror_r,_clear_setitimer=Module._clear_setitimer=e.clear_setitimer,_pgl_setPGliteActive=Module._pgl_setPGliteActive=e.pgl_setPGliteActive,_pgl_siglongjmp=Module._pgl_siglongjmp=e.pgl_siglongjmp,_pgl_set_system_fn=Module._pgl_set_system_fn=e.pgl_set_system_fn,_pgl_set_popen_fn=Module._pgl_set_popen_fn=e.pgl_set_popen_fn,_pgl_set_pclose_fn=Module._pgl_set_pclose_fn=e.pgl_set_pclose_fn,_pgl_run_atexit_funcs=Module._pgl_run_atexit_funcs=e.pgl_run_atexit_funcs,_pgl_freopen=Module._pgl_freopen=e.pgl_freopen,_fiprintf=Module._fiprintf=e.fiprintf,_pgl_set_rw_cbs=Module._pgl_set_rw_cbs=e.pgl_set_rw_cbs,_vfprintf=Module._vfprintf=e.vfprintf,_pthread_key_create=Module._pthread_key_create=e.pthread_key_create,_pthread_getspecific=Module._pthread_getspecific=e.pthread_getspecific,_pthread_key_delete=Module._pthread_key_delete=e.pthread_key_delete,_pthread_setspecific=Module._pthread_setspecific=e.pthread_setspecific,_toupper=Module._toupper=e.toupper,_iconv_open=Module._iconv_open=e.iconv_open,_iconv_close=Module._iconv_close=e.iconv_close,_iconv=Module._iconv=e.iconv,_pthread_mutex_init=Module._pthread_mutex_init=e.pthread_mutex_init,_pthread_mutex_destroy=Module._pthread_mutex_destroy=e.pthread_mutex_destroy,_pthread_cond_init=Module._pthread_cond_init=e.pthread_cond_init,_pthread_cond_destroy=Module._pthread_cond_destroy=e.pthread_cond_destroy,_pthread_self=Module._pthread_self=e.pthread_self,_pthread_cond_wait=Module._pthread_cond_wait=e.pthread_cond_wait,_pthread_cond_signal=Module._pthread_cond_signal=e.pthread_cond_signal,_pthread_once=Module._pthread_once=e.pthread_once,___cxa_atexit=Module.___cxa_atexit=e.__cxa_atexit,_fputs=Module._fputs=e.fputs,_vsnprintf=Module._vsnprintf=e.vsnprintf,___small_fprintf=Module.___small_fprintf=e.__small_fprintf,_zcalloc=Module._zcalloc=e.zcalloc,_zcfree=Module._zcfree=e.zcfree,___dynamic_cast=Module.___dynamic_cast=e.__dynamic_cast,___cxa_pure_virtual=Module.___cxa_pure_virtual=e.__cxa_pure_virtual,_modf=Module._modf=e.modf,_localtime_r=Module._localtime_r=e.localtime_r,_strncat=Module._strncat=e.strncat,_munmap=Module._munmap=e.munmap,___ctype_get_mb_cur_max=Module.___ctype_get_mb_cur_max=e.__ctype_get_mb_cur_max,___ctype_tolower_loc=Module.___ctype_tolower_loc=e.__ctype_tolower_loc,___ctype_toupper_loc=Module.___ctype_toupper_loc=e.__ctype_toupper_loc,_fdopen=Module._fdopen=e.fdopen,_sqrt=Module._sqrt=e.sqrt,_acosl=Module._acosl=e.acosl,_aligned_alloc=Module._aligned_alloc=e.aligned_alloc,_atan2l=Module._atan2l=e.atan2l,___funcs_on_exit=e.__funcs_on_exit,_atexit=Module._atexit=e.atexit,___cxa_finalize=Module.___cxa_finalize=e.__cxa_finalize,_btowc=Module._btowc=e.btowc,_clock=Module._clock=e.clock,_scalbn=Module._scalbn=e.scalbn,_cosl=Module._cosl=e.cosl,_dladdr=Module._dladdr=e.dladdr,___dl_seterr=e.__dl_seterr,_duplocale=Module._duplocale=e.duplocale,__emscripten_find_dylib=e._emscripten_find_dylib,_memmove=Module._memmove=e.memmove,_memset=Module._memset=e.memset,_fchmod=Module._fchmod=e.fchmod,_fchmodat=Module._fchmodat=e.fchmodat,_fchown=Module._fchown=e.fchown,_fcntl=Module._fcntl=e.fcntl,_fdopendir=Module._fdopendir=e.fdopendir,_fmax=Module._fmax=e.fmax,_fmin=Module._fmin=e.fmin,_fputwc=Module._fputwc=e.fputwc,_frexp=Module._frexp=e.frexp,_ftell=Module._ftell=e.ftell,_getentropy=Module._getentropy=e.getentropy,_geteuid=Module._geteuid=e.geteuid,_getgid=Module._getgid=e.getgid,_mbtowc=Module._mbtowc=e.mbtowc,_getuid=Module._getuid=e.getuid,_getwc=Module._getwc=e.getwc,_gmtime=Module._gmtime=e.gmtime,_hypot=Module._hypot=e.hypot,_mbrtowc=Module._mbrtowc=e.mbrtowc,_ioctl=Module._ioctl=e.ioctl,_isalpha=Module._isalpha=e.isalpha,_isgraph=Module._isgraph=e.isgraph,_isspace=Module._isspace=e.isspace,_iswblank_l=Module._iswblank_l=e.iswblank_l,_iswcntrl_l=Module._iswcntrl_l=e.iswcntrl_l,_iswxdigit_l=Module._iswxdigit_l=e.iswxdigit_l,_isxdigit_l=Module._isxdigit_l=e.isxdigit_l,_pthread_cond_broadcast=Module._pthread_cond_broadcast=e.pthread_cond_broadcast,_pthread_atfork=Module._pthread_atfork=e.pthread_atfork,_pthread_mutex_trylock=Module._pthread_mutex_trylock=e.pthread_mutex_trylock,_pthread_create=Module._pthread_create=e.pthread_create,_pthread_join=Module._pthread_join=e.pthread_join,_pthread_cond_timedwait=Module._pthread_cond_timedwait=e.pthread_cond_timedwait,_pthread_detach=Module._pthread_detach=e.pthread_detach,_link=Module._link=e.link,_llround=Module._llround=e.llround,_localtime=Module._localtime=e.localtime,_log2=Module._log2=e.log2,_logb=Module._logb=e.logb,_lround=Module._lround=e.lround,_mbrlen=Module._mbrlen=e.mbrlen,_mbsnrtowcs=Module._mbsnrtowcs=e.mbsnrtowcs,_mbsrtowcs=Module._mbsrtowcs=e.mbsrtowcs,_memmem=Module._memmem=e.memmem,_memrchr=Module._memrchr=e.memrchr,_emscripten_builtin_memalign=e.emscripten_builtin_memalign,_socket=Module._socket=e.socket,_nextafter=Module._nextafter=e.nextafter,_nextafterf=Module._nextafterf=e.nextafterf,_ntohs=e.ntohs,_openat=Module._openat=e.openat,_pathconf=Module._pathconf=e.pathconf,_perror=Module._perror=e.perror,_iprintf=Module._iprintf=e.iprintf,___small_printf=Module.___small_printf=e.__small_printf,_pthread_mutexattr_getprotocol=Module._pthread_mutexattr_getprotocol=e.pthread_mutexattr_getprotocol,_pthread_mutexattr_getpshared=Module._pthread_mutexattr_getpshared=e.pthread_mutexattr_getpshared,_pthread_mutexattr_getrobust=Module._pthread_mutexattr_getrobust=e.pthread_mutexattr_getrobust,_pthread_mutexattr_gettype=Module._pthread_mutexattr_gettype=e.pthread_mutexattr_gettype,_pthread_mutexattr_destroy=Module._pthread_mutexattr_destroy=e.pthread_mutexattr_destroy,_pthread_mutexattr_init=Module._pthread_mutexattr_init=e.pthread_mutexattr_init,_pthread_mutexattr_setprotocol=Module._pthread_mutexattr_setprotocol=e.pthread_mutexattr_setprotocol,_pthread_mutexattr_setpshared=Module._pthread_mutexattr_setpshared=e.pthread_mutexattr_setpshared,_pthread_mutexattr_settype=Module._pthread_mutexattr_settype=e.pthread_mutexattr_settype,_putchar=Module._putchar=e.putchar,_qsort=Module._qsort=e.qsort,_srand=Module._srand=e.srand,_rand=Module._rand=e.rand,_remainder=Module._remainder=e.remainder,_remove=Module._remove=e.remove,_remquo=Module._remquo=e.remquo,_round=Module._round=e.round,_roundf=Module._roundf=e.roundf,__emscripten_timeout=e._emscripten_timeout,_sinl=Module._sinl=e.sinl,_siprintf=Module._siprintf=e.siprintf,_sqrtl=Module._sqrtl=e.sqrtl,_vsscanf=Module._vsscanf=e.vsscanf,_statvfs=Module._statvfs=e.statvfs,_strcasecmp=Module._strcasecmp=e.strcasecmp,_strerror=Module._strerror=e.strerror,_strftime=Module._strftime=e.strftime,_strncasecmp=Module._strncasecmp=e.strncasecmp,___floatsitf=Module.___floatsitf=e.__floatsitf,___multf3=Module.___multf3=e.__multf3,___addtf3=Module.___addtf3=e.__addtf3,___extenddftf2=Module.___extenddftf2=e.__extenddftf2,___getf2=Module.___getf2=e.__getf2,___subtf3=Module.___subtf3=e.__subtf3,___divtf3=Module.___divtf3=e.__divtf3,___eqtf2=Module.___eqtf2=e.__eqtf2,___letf2=Module.___letf2=e.__letf2,___trunctfdf2=Module.___trunctfdf2=e.__trunctfdf2,_strtold=Module._strtold=e.strtold,_strtof_l=Module._strtof_l=e.strtof_l,_strtod_l=Module._strtod_l=e.strtod_l,_strtold_l=Module._strtold_l=e.strtold_l,_strtok=Module._strtok=e.strtok,_strtoull_l=Module._strtoull_l=e.strtoull_l,_strtoll_l=Module._strtoll_l=e.strtoll_l,_swprintf=Module._swprintf=e.swprintf,_connect=Module._connect=e.connect,_trunc=Module._trunc=e.trunc,_ungetc=Module._ungetc=e.ungetc,_ungetwc=Module._ungetwc=e.ungetwc,_unlinkat=Module._unlinkat=e.unlinkat,_usleep=Module._usleep=e.usleep,_utimensat=Module._utimensat=e.utimensat,_vasprintf=Module._vasprintf=e.vasprintf,_wcrtomb=Module._wcrtomb=e.wcrtomb,_wcscoll_l=Module._wcscoll_l=e.wcscoll_l,_wcsnrtombs=Module._wcsnrtombs=e.wcsnrtombs,_wcstof=Module._wcstof=e.wcstof,_wcstod=Module._wcstod=e.wcstod,_wcstold=Module._wcstold=e.wcstold,_wcstoull=Module._wcstoull=e.wcstoull,_wcstoll=Module._wcstoll=e.wcstoll,_wcstoul=Module._wcstoul=e.wcstoul,_wcstol=Module._wcstol=e.wcstol,_wcsxfrm_l=Module._wcsxfrm_l=e.wcsxfrm_l,_wctob=Module._wctob=e.wctob,_wmemchr=Module._wmemchr=e.wmemchr,_wmemcmp=Module._wmemcmp=e.wmemcmp,_emscripten_get_sbrk_ptr=e.emscripten_get_sbrk_ptr,___ashlti3=Module.___ashlti3=e.__ashlti3,___lttf2=Module.___lttf2=e.__lttf2,_setThrew=e.setThrew,__emscripten_tempret_set=e._emscripten_tempret_set,__emscripten_tempret_get=e._emscripten_tempret_get,___fixtfsi=Module.___fixtfsi=e.__fixtfsi,__emscripten_stack_restore=e._emscripten_stack_restore,__emscripten_stack_alloc=e._emscripten_stack_alloc,_emscripten_stack_get_current=e.emscripten_stack_get_current,___cxa_decrement_exception_refcount=Module.___cxa_decrement_exception_refcount=e.__cxa_decrement_exception_refcount,___cxa_increment_exception_refcount=Module.___cxa_increment_exception_refcount=e.__cxa_increment_exception_refcount,___cxa_bad_cast=Module.___cxa_bad_cast=e.__cxa_bad_cast,___cxa_bad_typeid=Module.___cxa_bad_typeid=e.__cxa_bad_typeid,___cxa_allocate_exception=Module.___cxa_allocate_exception=e.__cxa_allocate_exception,___cxa_free_exception=Module.___cxa_free_exception=e.__cxa_free_exception,___cxa_init_primary_exception=Module.___cxa_init_primary_exception=e.__cxa_init_primary_exception,___cxa_get_exception_ptr=Module.___cxa_get_exception_ptr=e.__cxa_get_exception_ptr,___stack_pointer=Module.___stack_pointer=e.__stack_pointer,___table_base=Module.___table_base=e.__table_base.value,_LocalBufferBlockPointers=Module._LocalBufferBlockPointers=e.LocalBufferBlockPointers.value,_BufferBlocks=Module._BufferBlocks=e.BufferBlocks.value,_wal_level=Module._wal_level=e.wal_level.value,_CurrentMemoryContext=Module._CurrentMemoryContext=e.CurrentMemoryContext.value,___memory_base=Module.___memory_base=e.__memory_base.value,_SnapshotAnyData=Module._SnapshotAnyData=e.SnapshotAnyData.value,_debug_query_string=Module._debug_query_string=e.debug_query_string.value,_maintenance_work_mem=Module._maintenance_work_mem=e.maintenance_work_mem.value,__indirect_function_table=wasmTable=e.__indirect_function_table,_CritSectionCount=Module._CritSectionCount=e.CritSectionCount.value,_InterruptPending=Module._InterruptPending=e.InterruptPending.value,_ParallelWorkerNumber=Module._ParallelWorkerNumber=e.ParallelWorkerNumber.value,_pg_number_of_ones=Module._pg_number_of_ones=e.pg_number_of_ones.value,_TopMemoryContext=Module._TopMemoryContext=e.TopMemoryContext.value,_IsUnderPostmaster=Module._IsUnderPostmaster=e.IsUnderPostmaster.value,_MainLWLockArray=Module._MainLWLockArray=e.MainLWLockArray.value,_CurrentResourceOwner=Module._CurrentResourceOwner=e.CurrentResourceOwner.value,_MyBackendType=Module._MyBackendType=e.MyBackendType.value,_work_mem=Module._work_mem=e.work_mem.value,_pg_global_prng_state=Module._pg_global_prng_state=e.pg_global_prng_state.value,_NBuffers=Module._NBuffers=e.NBuffers.value,_XactIsoLevel=Module._XactIsoLevel=e.XactIsoLevel.value,_bsysscan=Module._bsysscan=e.bsysscan.value,_CheckXidAlive=Module._CheckXidAlive=e.CheckXidAlive.value,_MyProc=Module._MyProc=e.MyProc.value,_MyDatabaseId=Module._MyDatabaseId=e.MyDatabaseId.value,_MyDatabaseTableSpace=Module._MyDatabaseTableSpace=e.MyDatabaseTableSpace.value,_TTSOpsBufferHeapTuple=Module._TTSOpsBufferHeapTuple=e.TTSOpsBufferHeapTuple.value,_RecentXmin=Module._RecentXmin=e.RecentXmin.value,_TTSOpsHeapTuple=Module._TTSOpsHeapTuple=e.TTSOpsHeapTuple.value,_pgWalUsage=Module._pgWalUsage=e.pgWalUsage.value,_pgBufferUsage=Module._pgBufferUsage=e.pgBufferUsage.value,_error_context_stack=Module._error_context_stack=e.error_context_stack.value,_MyLatch=Module._MyLatch=e.MyLatch.value,_SnapshotSelfData=Module._SnapshotSelfData=e.SnapshotSelfData.value,___THREW__=Module.___THREW__=e.__THREW__.value,___threwValue=Module.___threwValue=e.__threwValue.value,_PG_exception_stack=Module._PG_exception_stack=e.PG_exception_stack.value,_TTSOpsVirtual=Module._TTSOpsVirtual=e.TTSOpsVirtual.value,_GUC_check_errdetail_string=Module._GUC_check_errdetail_string=e.GUC_check_errdetail_string.value,_TransamVariables=Module._TransamVariables=e.TransamVariables.value,_TopTransactionContext=Module._TopTransactionContext=e.TopTransactionContext.value,_InterruptHoldoffCount=Module._InterruptHoldoffCount=e.InterruptHoldoffCount.value,_MyProcPid=Module._MyProcPid=e.MyProcPid.value,_RmgrTable=Module._RmgrTable=e.RmgrTable.value,_process_shared_preload_libraries_in_progress=Module._process_shared_preload_libraries_in_progress=e.process_shared_preload_libraries_in_progress.value,_wal_segment_size=Module._wal_segment_size=e.wal_segment_size.value,_TopTransactionResourceOwner=Module._TopTransactionResourceOwner=e.TopTransactionResourceOwner.value,_arch_module_check_errdetail_string=Module._arch_module_check_errdetail_string=e.arch_module_check_errdetail_string.value,_stdout=Module._stdout=e.stdout.value,_stdin=Module._stdin=e.stdin.value,_creating_extension=Module._creating_extension=e.creating_extension.value,_object_access_hook=Module._object_access_hook=e.object_access_hook.value,_InvalidObjectAddress=Module._InvalidObjectAddress=e.InvalidObjectAddress.value,_check_function_bodies=Module._check_function_bodies=e.check_function_bodies.value,_post_parse_analyze_hook=Module._post_parse_analyze_hook=e.post_parse_analyze_hook.value,_ScanKeywordTokens=Module._ScanKeywordTokens=e.ScanKeywordTokens.value,_ScanKeywords=Module._ScanKeywords=e.ScanKeywords.value,_standard_conforming_strings=Module._standard_conforming_strings=e.standard_conforming_strings.value,_None_Receiver=Module._None_Receiver=e.None_Receiver.value,_explain_per_plan_hook=Module._explain_per_plan_hook=e.explain_per_plan_hook.value,_explain_get_index_name_hook=Module._explain_get_index_name_hook=e.explain_get_index_name_hook.value,_explain_per_node_hook=Module._explain_per_node_hook=e.explain_per_node_hook.value,_CacheMemoryContext=Module._CacheMemoryContext=e.CacheMemoryContext.value,_SPI_processed=Module._SPI_processed=e.SPI_processed.value,_SPI_tuptable=Module._SPI_tuptable=e.SPI_tuptable.value,_TTSOpsMinimalTuple=Module._TTSOpsMinimalTuple=e.TTSOpsMinimalTuple.value,_check_password_hook=Module._check_password_hook=e.check_password_hook.value,_ConfigReloadPending=Module._ConfigReloadPending=e.ConfigReloadPending.value,_max_parallel_maintenance_workers=Module._max_parallel_maintenance_workers=e.max_parallel_maintenance_workers.value,_DateStyle=Module._DateStyle=e.DateStyle.value,_ExecutorStart_hook=Module._ExecutorStart_hook=e.ExecutorStart_hook.value,_ExecutorRun_hook=Module._ExecutorRun_hook=e.ExecutorRun_hook.value,_ExecutorFinish_hook=Module._ExecutorFinish_hook=e.ExecutorFinish_hook.value,_ExecutorEnd_hook=Module._ExecutorEnd_hook=e.ExecutorEnd_hook.value,_ExecutorCheckPerms_hook=Module._ExecutorCheckPerms_hook=e.ExecutorCheckPerms_hook.value,_SPI_result=Module._SPI_result=e.SPI_result.value,_stderr=Module._stderr=e.stderr.value,_MyProcPort=Module._MyProcPort=e.MyProcPort.value,_ClientAuthentication_hook=Module._ClientAuthentication_hook=e.ClientAuthentication_hook.value,_set_rel_pathlist_hook=Module._set_rel_pathlist_hook=e.set_rel_pathlist_hook.value,_cpu_tuple_cost=Module._cpu_tuple_cost=e.cpu_tuple_cost.value,_cpu_operator_cost=Module._cpu_operator_cost=e.cpu_operator_cost.value,_seq_page_cost=Module._seq_page_cost=e.seq_page_cost.value,_planner_hook=Module._planner_hook=e.planner_hook.value,_get_relation_info_hook=Module._get_relation_info_hook=e.get_relation_info_hook.value,_QueryCancelPending=Module._QueryCancelPending=e.QueryCancelPending.value,_ShutdownRequestPending=Module._ShutdownRequestPending=e.ShutdownRequestPending.value,_MyStartTime=Module._MyStartTime=e.MyStartTime.value,_cluster_name=Module._cluster_name=e.cluster_name.value,_ProcDiePending=Module._ProcDiePending=e.ProcDiePending.value,_application_name=Module._application_name=e.application_name.value,_row_security_policy_hook_restrictive=Module._row_security_policy_hook_restrictive=e.row_security_policy_hook_restrictive.value,_row_security_policy_hook_permissive=Module._row_security_policy_hook_permissive=e.row_security_policy_hook_permissive.value,_BufferDescriptors=Module._BufferDescriptors=e.BufferDescriptors.value,_shmem_startup_hook=Module._shmem_startup_hook=e.shmem_startup_hook.value,_ProcessUtility_hook=Module._ProcessUtility_hook=e.ProcessUtility_hook.value,_IntervalStyle=Module._IntervalStyle=e.IntervalStyle.value,_extra_float_digits=Module._extra_float_digits=e.extra_float_digits.value,_ScanKeywordCategories=Module._ScanKeywordCategories=e.ScanKeywordCategories.value,_pg_crc32_table=Module._pg_crc32_table=e.pg_crc32_table.value,_shmem_request_hook=Module._shmem_request_hook=e.shmem_request_hook.value,_z_errmsg=Module._z_errmsg=e.z_errmsg.value,__length_code=Module.__length_code=e._length_code.value,__dist_code=Module.__dist_code=e._dist_code.value,___heap_base=e.__heap_base.value}var wasmImports={__assert_fail:___assert_fail,__call_sighandler:___call_sighandler,__cxa_begin_catch:___cxa_begin_catch,__cxa_current_primary_exception:___cxa_current_primary_exception,__cxa_end_catch:___cxa_end_catch,__cxa_find_matching_catch_2:___cxa_find_matching_catch_2,__cxa_find_matching_catch_3:___cxa_find_matching_catch_3,__cxa_rethrow:___cxa_rethrow,__cxa_rethrow_primary_exception:___cxa_rethrow_primary_exception,__cxa_throw:___cxa_throw,__cxa_uncaught_exceptions:___cxa_uncaught_exceptions,__resumeException:___resumeException,__syscall_accept4:___syscall_accept4,__syscall_bind:___syscall_bind,__syscall_chdir:___syscall_chdir,__syscall_chmod:___syscall_chmod,__syscall_connect:___syscall_connect,__syscall_dup:___syscall_dup,__syscall_dup3:___syscall_dup3,__syscall_faccessat:___syscall_faccessat,__syscall_fadvise64:___syscall_fadvise64,__syscall_fallocate:___syscall_fallocate,__syscall_fchmod:___syscall_fchmod,__syscall_fchmodat2:___syscall_fchmodat2,__syscall_fchown32:___syscall_fchown32,__syscall_fchownat:___syscall_fchownat,__syscall_fcntl64:___syscall_fcntl64,__syscall_fdatasync:___syscall_fdatasync,__syscall_fstat64:___syscall_fstat64,__syscall_ftruncate64:___syscall_ftruncate64,__syscall_getcwd:___syscall_getcwd,__syscall_getdents64:___syscall_getdents64,__syscall_getegid32:___syscall_getegid32,__syscall_geteuid32:___syscall_geteuid32,__syscall_getgid32:___syscall_getgid32,__syscall_getuid32:___syscall_getuid32,__syscall_ioctl:___syscall_ioctl,__syscall_linkat:___syscall_linkat,__syscall_listen:___syscall_listen,__syscall_lstat64:___syscall_lstat64,__syscall_mkdirat:___syscall_mkdirat,__syscall_newfstatat:___syscall_newfstatat,__syscall_openat:___syscall_openat,__syscall_pipe2:___syscall_pipe2,__syscall_poll:___syscall_poll,__syscall_readlinkat:___syscall_readlinkat,__syscall_recvfrom:___syscall_recvfrom,__syscall_renameat:___syscall_renameat,__syscall_rmdir:___syscall_rmdir,__syscall_sendto:___syscall_sendto,__syscall_socket:___syscall_socket,__syscall_stat64:___syscall_stat64,__syscall_statfs64:___syscall_statfs64,__syscall_symlinkat:___syscall_symlinkat,__syscall_truncate64:___syscall_truncate64,__syscall_umask:___syscall_umask,__syscall_unlinkat:___syscall_unlinkat,__syscall_utimensat:___syscall_utimensat,_abort_js:__abort_js,_dlopen_js:__dlopen_js,_dlsym_js:__dlsym_js,_emscripten_runtime_keepalive_clear:__emscripten_runtime_keepalive_clear,_emscripten_throw_longjmp:__emscripten_throw_longjmp,_gmtime_js:__gmtime_js,_localtime_js:__localtime_js,_mmap_js:__mmap_js,_munmap_js:__munmap_js,_setitimer_js:__setitimer_js,_tzset_js:__tzset_js,clock_time_get:_clock_time_get,emscripten_date_now:_emscripten_date_now,emscripten_force_exit:_emscripten_force_exit,emscripten_get_heap_max:_emscripten_get_heap_max,emscripten_get_now:_emscripten_get_now,emscripten_resize_heap:_emscripten_resize_heap,environ_get:_environ_get,environ_sizes_get:_environ_sizes_get,exit:_exit,fd_close:_fd_close,fd_fdstat_get:_fd_fdstat_get,fd_pread:_fd_pread,fd_pwrite:_fd_pwrite,fd_read:_fd_read,fd_seek:_fd_seek,fd_sync:_fd_sync,fd_write:_fd_write,getTempRet0:_getTempRet0,getaddrinfo:_getaddrinfo,getnameinfo:_getnameinfo,invoke_di,invoke_i,invoke_id,invoke_ii,invoke_iii,invoke_iiii,invoke_iiiii,invoke_iiiiii,invoke_iiiiiii,invoke_iiiiiiii,invoke_iiiiiiiii,invoke_iiiiiiiiii,invoke_iiiiiiiiiii,invoke_iiiiiiiiiiiiii,invoke_iiiiiiiiiiiiiiiiii,invoke_iiiiiji,invoke_iiiij,invoke_iiij,invoke_iiji,invoke_iijj,invoke_ij,invoke_ijiiiii,invoke_ijiiiiii,invoke_ijji,invoke_j,invoke_ji,invoke_jii,invoke_jiiii,invoke_jiiiiii,invoke_jiiiiiiiii,invoke_jij,invoke_v,invoke_vi,invoke_vid,invoke_vii,invoke_viii,invoke_viiii,invoke_viiiii,invoke_viiiiii,invoke_viiiiiii,invoke_viiiiiiii,invoke_viiiiiiiii,invoke_viiiiiiiiiiii,invoke_viiiji,invoke_viij,invoke_viiji,invoke_viijii,invoke_viijiiii,invoke_vij,invoke_viji,invoke_vijiji,invoke_vijjii,invoke_vj,invoke_vji,invoke_vjii,invoke_vjjii,memory:wasmMemory,proc_exit:_proc_exit,random_get:_random_get,sched_yield:_sched_yield,setTempRet0:_setTempRet0};function invoke_ii(e,t){var r=stackSave();try{return getWasmTableEntry(e)(t)}catch(_){if(stackRestore(r),!(_ instanceof EmscriptenEH))throw _;_setThrew(1,0)}}function invoke_vii(e,t,r){var _=stackSave();try{getWasmTableEntry(e)(t,r)}catch(n){if(stackRestore(_),!(n instanceof EmscriptenEH))throw n;_setThrew(1,0)}}function invoke_viiiii(e,t,r,_,n,a){var i=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a)}catch(l){if(stackRestore(i),!(l instanceof EmscriptenEH))throw l;_setThrew(1,0)}}function invoke_vi(e,t){var r=stackSave();try{getWasmTableEntry(e)(t)}catch(_){if(stackRestore(r),!(_ instanceof EmscriptenEH))throw _;_setThrew(1,0)}}function invoke_v(e){var t=stackSave();try{getWasmTableEntry(e)()}catch(r){if(stackRestore(t),!(r instanceof EmscriptenEH))throw r;_setThrew(1,0)}}function invoke_iii(e,t,r){var _=stackSave();try{return getWasmTableEntry(e)(t,r)}catch(n){if(stackRestore(_),!(n instanceof EmscriptenEH))throw n;_setThrew(1,0)}}function invoke_viii(e,t,r,_){var n=stackSave();try{getWasmTableEntry(e)(t,r,_)}catch(a){if(stackRestore(n),!(a instanceof EmscriptenEH))throw a;_setThrew(1,0)}}function invoke_iiii(e,t,r,_){var n=stackSave();try{return getWasmTableEntry(e)(t,r,_)}catch(a){if(stackRestore(n),!(a instanceof EmscriptenEH))throw a;_setThrew(1,0)}}function invoke_jii(e,t,r){var _=stackSave();try{return getWasmTableEntry(e)(t,r)}catch(n){if(stackRestore(_),!(n instanceof EmscriptenEH))throw n;return _setThrew(1,0),0n}}function invoke_iiiii(e,t,r,_,n){var a=stackSave();try{return getWasmTableEntry(e)(t,r,_,n)}catch(i){if(stackRestore(a),!(i instanceof EmscriptenEH))throw i;_setThrew(1,0)}}function invoke_i(e){var t=stackSave();try{return getWasmTableEntry(e)()}catch(r){if(stackRestore(t),!(r instanceof EmscriptenEH))throw r;_setThrew(1,0)}}function invoke_ji(e,t){var r=stackSave();try{return getWasmTableEntry(e)(t)}catch(_){if(stackRestore(r),!(_ instanceof EmscriptenEH))throw _;return _setThrew(1,0),0n}}function invoke_jiiiiiiiii(e,t,r,_,n,a,i,l,o,s){var c=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i,l,o,s)}catch(p){if(stackRestore(c),!(p instanceof EmscriptenEH))throw p;return _setThrew(1,0),0n}}function invoke_jiiiiii(e,t,r,_,n,a,i){var l=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i)}catch(o){if(stackRestore(l),!(o instanceof EmscriptenEH))throw o;return _setThrew(1,0),0n}}function invoke_viiii(e,t,r,_,n){var a=stackSave();try{getWasmTableEntry(e)(t,r,_,n)}catch(i){if(stackRestore(a),!(i instanceof EmscriptenEH))throw i;_setThrew(1,0)}}function invoke_iiiiiiiiiiiiii(e,t,r,_,n,a,i,l,o,s,c,p,d,u){var f=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i,l,o,s,c,p,d,u)}catch(m){if(stackRestore(f),!(m instanceof EmscriptenEH))throw m;_setThrew(1,0)}}function invoke_vji(e,t,r){var _=stackSave();try{getWasmTableEntry(e)(t,r)}catch(n){if(stackRestore(_),!(n instanceof EmscriptenEH))throw n;_setThrew(1,0)}}function invoke_viiji(e,t,r,_,n){var a=stackSave();try{getWasmTableEntry(e)(t,r,_,n)}catch(i){if(stackRestore(a),!(i instanceof EmscriptenEH))throw i;_setThrew(1,0)}}function invoke_iiiij(e,t,r,_,n){var a=stackSave();try{return getWasmTableEntry(e)(t,r,_,n)}catch(i){if(stackRestore(a),!(i instanceof EmscriptenEH))throw i;_setThrew(1,0)}}function invoke_vijiji(e,t,r,_,n,a){var i=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a)}catch(l){if(stackRestore(i),!(l instanceof EmscriptenEH))throw l;_setThrew(1,0)}}function invoke_viji(e,t,r,_){var n=stackSave();try{getWasmTableEntry(e)(t,r,_)}catch(a){if(stackRestore(n),!(a instanceof EmscriptenEH))throw a;_setThrew(1,0)}}function invoke_iiiiii(e,t,r,_,n,a){var i=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a)}catch(l){if(stackRestore(i),!(l instanceof EmscriptenEH))throw l;_setThrew(1,0)}}function invoke_iiiiiiiii(e,t,r,_,n,a,i,l,o){var s=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i,l,o)}catch(c){if(stackRestore(s),!(c instanceof EmscriptenEH))throw c;_setThrew(1,0)}}function invoke_iiiiiiiiiiiiiiiiii(e,t,r,_,n,a,i,l,o,s,c,p,d,u,f,m,y,b){var k=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i,l,o,s,c,p,d,u,f,m,y,b)}catch(P){if(stackRestore(k),!(P instanceof EmscriptenEH))throw P;_setThrew(1,0)}}function invoke_iiiiiii(e,t,r,_,n,a,i){var l=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i)}catch(o){if(stackRestore(l),!(o instanceof EmscriptenEH))throw o;_setThrew(1,0)}}function invoke_vj(e,t){var r=stackSave();try{getWasmTableEntry(e)(t)}catch(_){if(stackRestore(r),!(_ instanceof EmscriptenEH))throw _;_setThrew(1,0)}}function invoke_iiiiiiiiii(e,t,r,_,n,a,i,l,o,s){var c=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i,l,o,s)}catch(p){if(stackRestore(c),!(p instanceof EmscriptenEH))throw p;_setThrew(1,0)}}function invoke_viij(e,t,r,_){var n=stackSave();try{getWasmTableEntry(e)(t,r,_)}catch(a){if(stackRestore(n),!(a instanceof EmscriptenEH))throw a;_setThrew(1,0)}}function invoke_viiiiiiii(e,t,r,_,n,a,i,l,o){var s=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a,i,l,o)}catch(c){if(stackRestore(s),!(c instanceof EmscriptenEH))throw c;_setThrew(1,0)}}function invoke_viiiiiiiii(e,t,r,_,n,a,i,l,o,s){var c=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a,i,l,o,s)}catch(p){if(stackRestore(c),!(p instanceof EmscriptenEH))throw p;_setThrew(1,0)}}function invoke_vij(e,t,r){var _=stackSave();try{getWasmTableEntry(e)(t,r)}catch(n){if(stackRestore(_),!(n instanceof EmscriptenEH))throw n;_setThrew(1,0)}}function invoke_viiiiii(e,t,r,_,n,a,i){var l=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a,i)}catch(o){if(stackRestore(l),!(o instanceof EmscriptenEH))throw o;_setThrew(1,0)}}function invoke_iiji(e,t,r,_){var n=stackSave();try{return getWasmTableEntry(e)(t,r,_)}catch(a){if(stackRestore(n),!(a instanceof EmscriptenEH))throw a;_setThrew(1,0)}}function invoke_ij(e,t){var r=stackSave();try{return getWasmTableEntry(e)(t)}catch(_){if(stackRestore(r),!(_ instanceof EmscriptenEH))throw _;_setThrew(1,0)}}function invoke_viiiiiii(e,t,r,_,n,a,i,l){var o=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a,i,l)}catch(s){if(stackRestore(o),!(s instanceof EmscriptenEH))throw s;_setThrew(1,0)}}function invoke_viiiji(e,t,r,_,n,a){var i=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a)}catch(l){if(stackRestore(i),!(l instanceof EmscriptenEH))throw l;_setThrew(1,0)}}function invoke_iiiiiiii(e,t,r,_,n,a,i,l){var o=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i,l)}catch(s){if(stackRestore(o),!(s instanceof EmscriptenEH))throw s;_setThrew(1,0)}}function invoke_iiij(e,t,r,_){var n=stackSave();try{return getWasmTableEntry(e)(t,r,_)}catch(a){if(stackRestore(n),!(a instanceof EmscriptenEH))throw a;_setThrew(1,0)}}function invoke_vid(e,t,r){var _=stackSave();try{getWasmTableEntry(e)(t,r)}catch(n){if(stackRestore(_),!(n instanceof EmscriptenEH))throw n;_setThrew(1,0)}}function invoke_j(e){var t=stackSave();try{return getWasmTableEntry(e)()}catch(r){if(stackRestore(t),!(r instanceof EmscriptenEH))throw r;return _setThrew(1,0),0n}}function invoke_vjjii(e,t,r,_,n){var a=stackSave();try{getWasmTableEntry(e)(t,r,_,n)}catch(i){if(stackRestore(a),!(i instanceof EmscriptenEH))throw i;_setThrew(1,0)}}function invoke_ijji(e,t,r,_){var n=stackSave();try{return getWasmTableEntry(e)(t,r,_)}catch(a){if(stackRestore(n),!(a instanceof EmscriptenEH))throw a;_setThrew(1,0)}}function invoke_iijj(e,t,r,_){var n=stackSave();try{return getWasmTableEntry(e)(t,r,_)}catch(a){if(stackRestore(n),!(a instanceof EmscriptenEH))throw a;_setThrew(1,0)}}function invoke_jij(e,t,r){var _=stackSave();try{return getWasmTableEntry(e)(t,r)}catch(n){if(stackRestore(_),!(n instanceof EmscriptenEH))throw n;return _setThrew(1,0),0n}}function invoke_ijiiiiii(e,t,r,_,n,a,i,l){var o=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i,l)}catch(s){if(stackRestore(o),!(s instanceof EmscriptenEH))throw s;_setThrew(1,0)}}function invoke_viijii(e,t,r,_,n,a){var i=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a)}catch(l){if(stackRestore(i),!(l instanceof EmscriptenEH))throw l;_setThrew(1,0)}}function invoke_iiiiiji(e,t,r,_,n,a,i){var l=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i)}catch(o){if(stackRestore(l),!(o instanceof EmscriptenEH))throw o;_setThrew(1,0)}}function invoke_viijiiii(e,t,r,_,n,a,i,l){var o=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a,i,l)}catch(s){if(stackRestore(o),!(s instanceof EmscriptenEH))throw s;_setThrew(1,0)}}function invoke_vijjii(e,t,r,_,n,a){var i=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a)}catch(l){if(stackRestore(i),!(l instanceof EmscriptenEH))throw l;_setThrew(1,0)}}function invoke_vjii(e,t,r,_){var n=stackSave();try{getWasmTableEntry(e)(t,r,_)}catch(a){if(stackRestore(n),!(a instanceof EmscriptenEH))throw a;_setThrew(1,0)}}function invoke_jiiii(e,t,r,_,n){var a=stackSave();try{return getWasmTableEntry(e)(t,r,_,n)}catch(i){if(stackRestore(a),!(i instanceof EmscriptenEH))throw i;return _setThrew(1,0),0n}}function invoke_viiiiiiiiiiii(e,t,r,_,n,a,i,l,o,s,c,p,d){var u=stackSave();try{getWasmTableEntry(e)(t,r,_,n,a,i,l,o,s,c,p,d)}catch(f){if(stackRestore(u),!(f instanceof EmscriptenEH))throw f;_setThrew(1,0)}}function invoke_di(e,t){var r=stackSave();try{return getWasmTableEntry(e)(t)}catch(_){if(stackRestore(r),!(_ instanceof EmscriptenEH))throw _;_setThrew(1,0)}}function invoke_id(e,t){var r=stackSave();try{return getWasmTableEntry(e)(t)}catch(_){if(stackRestore(r),!(_ instanceof EmscriptenEH))throw _;_setThrew(1,0)}}function invoke_ijiiiii(e,t,r,_,n,a,i){var l=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i)}catch(o){if(stackRestore(l),!(o instanceof EmscriptenEH))throw o;_setThrew(1,0)}}function invoke_iiiiiiiiiii(e,t,r,_,n,a,i,l,o,s,c){var p=stackSave();try{return getWasmTableEntry(e)(t,r,_,n,a,i,l,o,s,c)}catch(d){if(stackRestore(p),!(d instanceof EmscriptenEH))throw d;_setThrew(1,0)}}function callMain(e=[]){var t=resolveGlobalSymbol("main").sym;if(t){e.unshift(thisProgram);var r=e.length,_=stackAlloc((r+1)*4),n=_;for(var a of e)HEAPU32[n>>2]=stringToUTF8OnStack(a),n+=4;HEAPU32[n>>2]=0;try{var i=t(r,_);return exitJS(i,!0),i}catch(l){return handleException(l)}}}async function run(e=programArgs){preRun(),runDependencies&&await resolveRunDependencies();var t=Module.setStatus;if(t&&(t("Running..."),await new Promise(_=>setTimeout(_,1)),setTimeout(t,1,"")),!ABORT){initRuntime(),Module.onRuntimeInitialized?.();var r=Module.noInitialRun||!0;r||callMain(e),postRun()}}var wasmExports;return wasmExports=await createWasm(),await run(),quit_=(e,t)=>{throw t},Module}var Ue=it;var He=Ue;var Y=class{constructor(t={results:[],throwOnError:!1,onNotice:void 0,databaseError:null}){this.results=[];this.throwOnError=!1;this.databaseError=null;this.results=t.results||[],this.throwOnError=t.throwOnError||!1,this.onNotice=t.onNotice,this.databaseError=t.databaseError===void 0?null:t.databaseError}},G,$,Q,J,te,re,de,Me,be,_e,ne,ce,ae,Z,E,z,x,ie,A,le,j,U,D,O,ue,pe,ge,oe,S,Te,Pe,Ee,We,Ve,Xe,Ke,Ce,Ye,N,$e,Qe,Je,Ze,xe,q=class q extends _chunk_UYHX356B_js__WEBPACK_IMPORTED_MODULE_0__.b{constructor(r={},_={}){super();(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,S);this.POSTGRES_MAIN_LONGJMP=100;this.PGLITE_EXIT_ALIVE=99;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,G);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,$,!1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,Q,!1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,J,!1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,te,!1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,re,new V);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,de,new V);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,Me,new V);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,be,new V);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,_e,!1);this.debug=0;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,ne);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,ce,[]);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,ae,new _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_1__.o);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,Z);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,E);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,z,new Map);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,x,new Set);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,ie,-1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,A,new Y);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,le,-1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,j,[]);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,U,0);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,D,new Uint8Array(0));(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,O,0);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,ue,-1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,pe,-1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,ge,-1);this.externalCommandStreamFd=null;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.f)(this,oe,!1);typeof r=="string"?_={dataDir:r,..._}:_=r,this.dataDir=_.dataDir,_.parsers!==void 0&&(this.parsers={...this.parsers,..._.parsers}),_.serializers!==void 0&&(this.serializers={...this.serializers,..._.serializers}),_?.debug!==void 0&&(this.debug=_.debug),_?.relaxedDurability!==void 0&&(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,te,_.relaxedDurability),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,ne,_.extensions??{}),this.waitReady=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Ee).call(this,_??{})}get ENV(){return this.mod?.ENV}static async create(r,_){let n=typeof r=="string"?{dataDir:r,..._??{}}:r??_??{},a=new q(n);return await a.waitReady,a}handleExternalCmd(r,_){if(r.startsWith("locale -a")&&_==="r"){let n=this.mod.stringToUTF8OnStack("/pglite/locale-a"),a=this.mod.stringToUTF8OnStack(_);return this.mod._fopen(n,a)}throw new Error("Unhandled cmd")}get Module(){return this.mod}get ready(){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,$)&&!(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,Q)&&!(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,J)}get closed(){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,J)}async close(){await this._checkReady(),await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,de).runExclusive(async()=>{await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,re).runExclusive(async()=>{await this._checkReady(),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,Q,!0)})});for(let r of (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,ce))await r();try{this.mod._pgl_setPGliteActive(0),await this.execProtocol(_chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_1__.j.end()),this.mod._pgl_run_atexit_funcs()}catch(r){let _=r;_.name==="ExitStatus"&&_.status===0||(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,"An error occured while closing the db",r.toString())}finally{this.mod.removeFunction((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,le)),this.mod.removeFunction((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,ie))}await this.fs.closeFs(),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,J,!0),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,Q,!1),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,$,!1),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,oe,!1);try{this.mod._emscripten_force_exit(0)}catch(r){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,r),r.status!==0&&(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,"Error when exiting",r.toString())}finally{this.mod=void 0}}async[Symbol.asyncDispose](){await this.close()}async _handleBlob(r){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,Z,r?await r.arrayBuffer():void 0)}async _cleanupBlob(){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,Z,void 0)}async _getWrittenBlob(){if(!(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,E))return;let r=new Blob((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,E));return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,E,void 0),r}async _checkReady(){if((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,Q))throw new Error("PGlite is closing");if((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,J))throw new Error("PGlite is closed");(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,$)||await this.waitReady}execProtocolRawSync(r){let _=this.mod;if((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,U,0),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,O,0),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,j,r),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,G)||(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,G,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Ke)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,D).length!==q.DEFAULT_RECV_BUF_SIZE&&(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,D,new Uint8Array(q.DEFAULT_RECV_BUF_SIZE)),r[0]===88)return new Uint8Array(0);if(r[0]===0)return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,xe).call(this,r);try{for(;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,U)<r.length||_._pq_buffer_remaining_data()>0;){let n;try{n=_.stackSave(),_._PostgresMainLoopOnce()}catch(a){_.stackRestore(n),a.status===this.POSTGRES_MAIN_LONGJMP&&_._PostgresMainLongJmp()}}}finally{_._PostgresSendReadyForQueryIfNecessary(),_._pgl_pq_flush()}return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,j,[]),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,O)?new Uint8Array((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,D).subarray(0,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,O))):new Uint8Array(0)}async execProtocolRaw(r,{syncToFs:_=!0}={}){let n=this.execProtocolRawSync(r);return _&&await this.syncToFs(),n}async execProtocolRawStream(r,{syncToFs:_=!0,onRawData:n}){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,G,a=>(n(a),a.length));try{this.execProtocolRawSync(r)}finally{(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,G,void 0)}_&&await this.syncToFs()}async execProtocol(r,{syncToFs:_=!0,throwOnError:n=!0,onNotice:a}={}){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,A,new Y({throwOnError:n,onNotice:a}));let i=await this.execProtocolRaw(r,{syncToFs:_}),l=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,A).databaseError,o={messages:(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,A).results,data:i};if((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,A,new Y),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,G,void 0),n&&l)throw (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,ae,new _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_1__.o),l;return o}async execProtocolStream(r,{syncToFs:_,throwOnError:n=!0,onNotice:a}={}){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,A,new Y({throwOnError:n,onNotice:a})),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,G,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Ce)),await this.execProtocolRaw(r,{syncToFs:_});let i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,A).databaseError,l=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,A).results;if((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,A,new Y),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,G,void 0),n&&i)throw (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,ae,new _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_1__.o),i;return l}isInTransaction(){return this.mod._IsTransactionBlock()!==0}async syncToFs(){if((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,_e))return;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,_e,!0);let r=async()=>{await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,be).runExclusive(async()=>{(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,_e,!1),await this.fs.syncToFs((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,te))})};(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,te)?r():await r()}async listen(r,_,n){return this._runExclusiveListen(()=>(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,$e).call(this,r,_,n))}async unlisten(r,_,n){return this._runExclusiveListen(()=>(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Qe).call(this,r,_,n))}onNotification(r){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,x).add(r),()=>{(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,x).delete(r)}}offNotification(r){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,x).delete(r)}async dumpDataDir(r){return await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,re).runExclusive(async()=>{await this._checkReady();let n=this.dataDir?.split("/").pop()??"pgdata";return this.fs.dumpTar(n,r)})}_runExclusiveQuery(r){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,re).runExclusive(r)}_runExclusiveTransaction(r){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,de).runExclusive(r)}async clone(){let r=await this.dumpDataDir("none");return q.create({loadDataDir:r,extensions:(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,ne)})}_runExclusiveListen(r){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,Me).runExclusive(r)}callMain(r){return this.mod.callMain(r)}copyToFS(r,_,n){se(this.mod.FS,r,_,n)}};G=new WeakMap,$=new WeakMap,Q=new WeakMap,J=new WeakMap,te=new WeakMap,re=new WeakMap,de=new WeakMap,Me=new WeakMap,be=new WeakMap,_e=new WeakMap,ne=new WeakMap,ce=new WeakMap,ae=new WeakMap,Z=new WeakMap,E=new WeakMap,z=new WeakMap,x=new WeakMap,ie=new WeakMap,A=new WeakMap,le=new WeakMap,j=new WeakMap,U=new WeakMap,D=new WeakMap,O=new WeakMap,ue=new WeakMap,pe=new WeakMap,ge=new WeakMap,oe=new WeakMap,S=new WeakSet,Te=function(r){this.debug&&console.debug(r)},Pe=function(r){this.debug&&console.error(r)},Ee=async function(r){if(r.fs)this.fs=r.fs;else{let{dataDir:d,fsType:u}=Be(r.dataDir);this.fs=await Ge(d,u)}let _={},n=[],a=[...this.debug?["-d",this.debug.toString()]:[]];r.pgliteWasmModule||_chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_3__.a.startArtifactDownload(__webpack_require__.ab + "pglite.wasm"),r.initdbWasmModule||_chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_3__.a.startArtifactDownload(__webpack_require__.ab + "initdb.wasm");let i=r.fsBundle?r.fsBundle.arrayBuffer():_chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_3__.a.getFsBundle(__webpack_require__.ab + "pglite.data"),l;i.then(d=>{l=d});let o=new WebAssembly.Memory({initial:r.initialMemory?r.initialMemory/(64*1024):2048,maximum:32768}),s={thisProgram:_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.g,PGLITE_ENV:{},WASM_PREFIX:_chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_3__.a.WASM_PREFIX,arguments:a,noExitRuntime:!0,wasmMemory:o,stdin:()=>null,print:d=>{if(r.onStdout&&r.onStdout(d))return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Te).call(this,d);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Te).call(this,d)},printErr:d=>{if(r.onStderr&&r.onStderr(d))return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Pe).call(this,d);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Pe).call(this,d)},instantiateWasm:(d,u)=>(_chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_3__.a.instantiateWasm(d,r.pgliteWasmModule??(()=>__webpack_require__.ab + "pglite.wasm")).then(({instance:f,module:m})=>{u(f,m)}),{}),getPreloadedPackage:(d,u)=>{if(d==="pglite.data"){if(l.byteLength!==u)throw new Error(`Invalid FS bundle size: ${l.byteLength} !== ${u}`);return l}throw new Error(`Unknown package: ${d}`)},preRun:[d=>{d.onRuntimeInitialized=()=>{(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Xe).call(this,d)}},d=>{let u=d.FS.makedev(64,0),f={open:m=>{},close:m=>{},read:(m,y,b,k,P)=>{let M=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,Z);if(!M)throw new Error("No /dev/blob File or Blob provided to read from");let C=new Uint8Array(M);if(P>=C.length)return 0;let v=Math.min(C.length-P,k);for(let H=0;H<v;H++)y[b+H]=C[P+H];return v},write:(m,y,b,k,P)=>((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,E)??(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,E,[]),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,E).push(y.slice(b,b+k)),k),llseek:(m,y,b)=>{let k=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,Z);if(!k)throw new Error("No /dev/blob File or Blob provided to llseek");let P=y;if(b===1?P+=m.position:b===2&&(P=new Uint8Array(k).length),P<0)throw new d.FS.ErrnoError(28);return P}};d.FS.registerDevice(u,f),d.FS.mkdev("/dev/blob",u)},d=>{d.ENV.HOME="/home/postgres",d.ENV.USER="postgres",d.ENV.LOGNAME="postgres",d.ENV.PGDATA=_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d,d.ENV.PGUSER=r.username??"postgres",d.ENV.PGDATABASE=r.database??"postgres",d.ENV.LANG=d.ENV.LC_COLLATE=d.ENV.LC_CTYPE="en_US.UTF-8",d.ENV.TZ="UTC",d.ENV.PGTZ="UTC",d.ENV.PGCLIENTENCODING="UTF8",d.ENV.ICU_DATA=_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.e,d.PGLITE_ENV&&Object.assign(d.ENV,d.PGLITE_ENV)},d=>{r.pgDataProxyFs&&(d.FS.mkdirTree(_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d),d.FS.mount(d.PROXYFS,{root:_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d,fs:r.pgDataProxyFs},_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d))}]},{emscriptenOpts:c}=await this.fs.init(this,s);s=c;let p=[];for(let[d,u]of Object.entries((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,ne)))if(u instanceof URL)_[d]=Fe(u);else{let f=await u.setup(this,s);if(f.emscriptenOpts&&(s=f.emscriptenOpts),f.namespaceObj){let m=this;m[d]=f.namespaceObj}f.bundlePath&&(_[d]=Fe(f.bundlePath)),f.init&&n.push(f.init),f.close&&(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,ce).push(f.close),p.push(...f.sharedPreloadLibraries??[])}if(s.pg_extensions=_,await i,this.mod=await He(s),this.mod.FS.chmod("/home/postgres/.pgpass",384),this.mod.FS.chmod(_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.f,365),this.mod.FS.chmod(_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.g,365),await this.fs.initialSyncFs(),r.icuDataDir&&await (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Ve).call(this,r.icuDataDir),!r.noInitDb){if(r.loadDataDir){if(this.mod.FS.analyzePath(_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d+"/PG_VERSION").exists)throw new Error("Database already exists, cannot load from tarball");(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,"pglite: loading data from tarball"),await (0,_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.b)(this.mod.FS,r.loadDataDir,_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d)}else if(this.mod.FS.analyzePath(_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d+"/PG_VERSION").exists)(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,"pglite: found DB, resuming");else{(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,"pglite: no db in filesystem, running initdb");let d={...r};d.noInitDb=!0,d.dataDir=void 0,d.extensions=void 0,d.loadDataDir=void 0,d.fs=void 0;let u=this.fs instanceof ee;u&&(this.mod.FS.mkdirTree(_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d,448),d.pgDataProxyFs=this.mod.FS);let f=await q.create(d);try{let m=await (0,_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.h)({pg:f,debug:r.debug,wasmModule:r.initdbWasmModule,args:r.initDbStartParams});if(m.exitCode!==0&&!m.stderr.includes("exists but is not empty"))throw new Error("INITDB failed to initialize: "+m.stderr);if(!u){let y=await f.dumpDataDir("none");await (0,_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.b)(this.mod.FS,y,_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d)}}finally{await f.close()}await this.syncToFs()}await Le(this.mod,(...d)=>(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,...d)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,We).call(this,p,r),this.mod._pgl_setPGliteActive(1),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Ze).call(this,{pgDataFolder:_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d,startParams:[...r.startParams||q.defaultStartParams,...this.debug?["-d",this.debug.toString()]:[]]}),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Je).call(this),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,$,!0),r.username&&await this.exec(`SET ROLE ${r.username};`),await this._initArrayTypes();for(let d of n)await d()}},We=function(r,_){if(r.length&&!_.postgresqlconf&&(_.postgresqlconf=new Array),_.postgresqlconf){let n=typeof _.postgresqlconf=="string"?_.postgresqlconf:_.postgresqlconf.join(`
`);if(r.length){let a=n.match(/^(shared_preload_libraries\s*=\s*)(.*)$/m);if(a){let i=a[2].split(",").map(o=>o.trim()),l=[...new Set([...i,...r])];n=n.replace(a[0],`${a[1]}${l.join(",")}`)}else n+=`
shared_preload_libraries=${r.join(",")}`}se(this.mod.FS,`${_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d}/postgresql.conf`,new TextEncoder().encode(n))}},Ve=async function(r){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,`pglite: icuDataDir specified, removing default icu data dir at ${_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.e}`),_chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_3__.a.rmdirRecursive(this.mod.FS,_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.e),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,`pglite: loading icu data from tarball ${r}`),this.mod.FS.mkdirTree(_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.e),await (0,_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.b)(this.mod.FS,r,_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.e)},Xe=function(r){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,ue,r.addFunction(_=>((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,`Postgres tried to execute ${r.UTF8ToString(_)}, returning 1.`),1),"pi")),r._pgl_set_system_fn((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,ue)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,pe,r.addFunction((_,n)=>{let a=r.UTF8ToString(n),i=r.UTF8ToString(_);return this.externalCommandStreamFd=this.handleExternalCmd(i,a),this.externalCommandStreamFd},"ppp")),r._pgl_set_popen_fn((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,pe)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,ge,r.addFunction(_=>{if(_===this.externalCommandStreamFd)this.mod._fclose(this.externalCommandStreamFd),this.externalCommandStreamFd=null;else throw`Unhandled pclose ${_}`;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,N).call(this,"pclose_fn",_)},"pi")),r._pgl_set_pclose_fn((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,ge)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,ie,r.addFunction((_,n)=>{let a;try{a=this.mod.HEAPU8.subarray(_,_+n)}catch(i){throw console.error("error",i),i}return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,G).call(this,a)},"ipi")),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,le,r.addFunction((_,n)=>{let a=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,j).length-(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,U);return a>n&&(a=n),this.mod.HEAPU8.set((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,j).subarray((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,U),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,U)+a),_),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,U,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,U)+a),a},"ipi")),r._pgl_set_rw_cbs((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,le),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,ie))},Ke=function(r){let _=r.slice(),n=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,O)+_.length;if(n>(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,D).length){let a=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,D).length+((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,D).length>>1)+n;n>q.MAX_BUFFER_SIZE&&(n=q.MAX_BUFFER_SIZE);let i=new Uint8Array(a);i.set((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,D).subarray(0,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,O))),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,D,i)}return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,D).set(_,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,O)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,O,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,O)+_.length),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Ce).call(this,_)},Ce=function(r){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,ae).parse(r,_=>{let n=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.h)(this,S,Ye).call(this,_);n&&(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,A).results.push(n)}),r.length},Ye=function(r){if(!(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,A).databaseError){if(r instanceof _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_1__.k)(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,A).throwOnError&&((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,A).databaseError=r);else if(r instanceof _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_1__.m)this.debug>0&&console.warn(r),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,A).onNotice&&(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,A).onNotice(r);else if(r instanceof _chunk_Y6PULSM7_js__WEBPACK_IMPORTED_MODULE_1__.l){let _=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).get(r.channel);_&&_.forEach(n=>{queueMicrotask(()=>n(r.payload))}),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,x).forEach(n=>{queueMicrotask(()=>n(r.channel,r.payload))})}return r}return null},N=function(...r){this.debug>0&&console.log(...r)},$e=async function(r,_,n){let a=_chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_3__.a.toPostgresName(r),i=n??this;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).has(a)||(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).set(a,new Set),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).get(a).add(_);try{await i.exec(`LISTEN ${r}`)}catch(l){throw (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).get(a).delete(_),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).get(a)?.size===0&&(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).delete(a),l}return async l=>{await this.unlisten(a,_,l)}},Qe=async function(r,_,n){let a=_chunk_BD5WXLQO_js__WEBPACK_IMPORTED_MODULE_3__.a.toPostgresName(r),i=n??this,l=async()=>{await i.exec(`UNLISTEN ${r}`),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).get(a)?.size===0&&(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).delete(a)};_?((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).get(a)?.delete(_),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,z).get(a)?.size===0&&await l()):await l()},Je=function(){if((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,oe))throw new Error("PGlite single mode already running");this.mod._pgl_startPGlite(),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,oe,!0)},Ze=function(r){let _=[...r.startParams,"-D",r.pgDataFolder,this.mod.ENV.PGDATABASE],n=-1;if(n=this.mod.callMain(_),n!==this.PGLITE_EXIT_ALIVE)throw new Error("PGlite failed to initialize properly")},xe=function(r){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,U,0),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,O,0),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,j,r);let _=this.mod._pgl_getMyProcPort();if(this.mod._ProcessStartupPacket(_,!0,!0)!==0)throw new Error(`Cannot process startup packet + ${r.toString()}`);return this.mod._pgl_sendConnData(),this.mod._pgl_pq_flush(),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.g)(this,j,[]),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,O)?(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,D).subarray(0,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_4__.e)(this,O)):new Uint8Array(0)},q.paths={PG_ROOT:_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.c,PGDATA:_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.d,ICU_DATA_PATH:_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.e,INITDB_EXE_PATH:_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.f,POSTGRES_EXE_PATH:_chunk_N66TTF7B_js__WEBPACK_IMPORTED_MODULE_2__.g},q.DEFAULT_RECV_BUF_SIZE=1*1024*1024,q.MAX_BUFFER_SIZE=Math.pow(2,30),q.defaultStartParams=["--single","-F","-O","-j","-c","search_path=public","-c","exit_on_error=false","-c","log_checkpoints=false","-c","max_worker_processes=0","-c","max_parallel_workers=0","-c","max_parallel_workers_per_gather=0","-c","io_method=sync","-c","max_parallel_maintenance_workers=0"];var je=q;
//# sourceMappingURL=chunk-XZUEO4BZ.js.map

/***/ }),

/***/ 2713:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ un),
/* harmony export */   c: () => (/* binding */ cn),
/* harmony export */   d: () => (/* binding */ We),
/* harmony export */   e: () => (/* binding */ mn),
/* harmony export */   g: () => (/* binding */ hn),
/* harmony export */   h: () => (/* binding */ bn),
/* harmony export */   j: () => (/* binding */ $e),
/* harmony export */   k: () => (/* binding */ O),
/* harmony export */   l: () => (/* binding */ $),
/* harmony export */   m: () => (/* binding */ te),
/* harmony export */   o: () => (/* binding */ pe)
/* harmony export */ });
/* unused harmony exports a, f, i, n, p */
/* harmony import */ var _chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4417);
var yn={};(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.b)(yn,{ABSTIME:()=>Et,ACLITEM:()=>Ot,BIT:()=>Qt,BOOL:()=>ye,BPCHAR:()=>ve,BYTEA:()=>he,CHAR:()=>bt,CID:()=>St,CIDR:()=>Rt,CIRCLE:()=>Nt,DATE:()=>ze,FLOAT4:()=>Qe,FLOAT8:()=>_e,GTSVECTOR:()=>nn,INET:()=>kt,INT2:()=>Ve,INT4:()=>Fe,INT8:()=>be,INTERVAL:()=>Ft,JSON:()=>we,JSONB:()=>Ye,MACADDR:()=>Lt,MACADDR8:()=>Pt,MONEY:()=>Ut,NUMERIC:()=>vt,OID:()=>Ge,PATH:()=>xt,PG_DEPENDENCIES:()=>Zt,PG_LSN:()=>$t,PG_NDISTINCT:()=>Xt,PG_NODE_TREE:()=>Dt,POLYGON:()=>Mt,REFCURSOR:()=>Ht,REGCLASS:()=>jt,REGCONFIG:()=>rn,REGDICTIONARY:()=>sn,REGNAMESPACE:()=>an,REGOPER:()=>qt,REGOPERATOR:()=>Yt,REGPROC:()=>gt,REGPROCEDURE:()=>zt,REGROLE:()=>on,REGTYPE:()=>Wt,RELTIME:()=>Ct,SMGR:()=>It,TEXT:()=>ge,TID:()=>wt,TIME:()=>Vt,TIMESTAMP:()=>qe,TIMESTAMPTZ:()=>Ae,TIMETZ:()=>Gt,TINTERVAL:()=>Tt,TSQUERY:()=>tn,TSVECTOR:()=>en,TXID_SNAPSHOT:()=>Jt,UUID:()=>Kt,VARBIT:()=>_t,VARCHAR:()=>He,XID:()=>At,XML:()=>Bt,arrayParser:()=>mn,arraySerializer:()=>We,parseType:()=>se,parsers:()=>un,serializers:()=>cn,types:()=>je});(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var yt=globalThis.JSON.parse,ht=globalThis.JSON.stringify,ye=16,he=17,bt=18,be=20,Ve=21,Fe=23,gt=24,ge=25,Ge=26,wt=27,At=28,St=29,we=114,Bt=142,Dt=194,It=210,xt=602,Mt=604,Rt=650,Qe=700,_e=701,Et=702,Ct=703,Tt=704,Nt=718,Pt=774,Ut=790,Lt=829,kt=869,Ot=1033,ve=1042,He=1043,ze=1082,Vt=1083,qe=1114,Ae=1184,Ft=1186,Gt=1266,Qt=1560,_t=1562,vt=1700,Ht=1790,zt=2202,qt=2203,Yt=2204,jt=2205,Wt=2206,Kt=2950,Jt=2970,$t=3220,Xt=3361,Zt=3402,en=3614,tn=3615,nn=3642,rn=3734,sn=3769,Ye=3802,an=4089,on=4096,je={string:{to:ge,from:[ge,He,ve],serialize:e=>e instanceof Date?e.toISOString():e.toString(),parse:e=>e},number:{to:0,from:[Ve,Fe,Ge,Qe,_e],serialize:e=>e.toString(),parse:e=>+e},bigint:{to:be,from:[be],serialize:e=>e.toString(),parse:e=>{let t=BigInt(e);return t<Number.MIN_SAFE_INTEGER||t>Number.MAX_SAFE_INTEGER?t:Number(t)}},json:{to:we,from:[we,Ye],serialize:e=>typeof e=="string"?e:ht(e,(t,n)=>typeof n=="bigint"?n.toString():n),parse:e=>yt(e)},boolean:{to:ye,from:[ye],serialize:e=>{if(typeof e=="boolean")return e?"t":"f";if(typeof e=="number"){if(e===1)return"t";if(e===0)return"f"}else if(typeof e=="string"){let t=e.trim().toLowerCase();if(["true","t","yes","y","on","1"].includes(t))return"t";if(["false","f","no","n","off","0"].includes(t))return"f"}throw new Error("Invalid input for boolean type")},parse:e=>e==="t"},date:{to:Ae,from:[ze,qe,Ae],serialize:e=>{if(typeof e=="string")return e;if(e===1/0)return"infinity";if(e===-1/0)return"-infinity";if(typeof e=="number")return new Date(e).toISOString();if(e instanceof Date)return e.toISOString();throw new Error("Invalid input for date type")},parse:e=>e==="infinity"?1/0:e==="-infinity"?-1/0:new Date(e)},bytea:{to:he,from:[he],serialize:e=>{if(!(e instanceof Uint8Array))throw new Error("Invalid input for bytea type");return"\\x"+Array.from(e).map(t=>t.toString(16).padStart(2,"0")).join("")},parse:e=>{let t=e.slice(2);return Uint8Array.from({length:t.length/2},(n,s)=>parseInt(t.substring(s*2,(s+1)*2),16))}}},Se=ln(je),un=Se.parsers,cn=Se.serializers;function se(e,t,n){if(e===null)return null;let s=n?.[t]??Se.parsers[t];return s?s(e,t):e}function ln(e){return Object.keys(e).reduce(({parsers:t,serializers:n},s)=>{let{to:i,from:a,serialize:u,parse:m}=e[s];return n[i]=u,n[s]=u,t[s]=m,Array.isArray(a)?a.forEach(p=>{t[p]=m,n[p]=u}):(t[a]=m,n[a]=u),{parsers:t,serializers:n}},{parsers:{},serializers:{}})}var pn=/\\/g,dn=/"/g;function fn(e){return e.replace(pn,"\\\\").replace(dn,'\\"')}function We(e,t,n){if(Array.isArray(e)===!1)return e;if(!e.length)return"{}";let s=e[0],i=n===1020?";":",";return Array.isArray(s)?`{${e.map(a=>We(a,t,n)).join(i)}}`:`{${e.map(a=>(a===void 0&&(a=null),a===null?"null":'"'+fn(t?t(a):a.toString())+'"')).join(i)}}`}var me={i:0,char:null,str:"",quoted:!1,last:0,p:null};function mn(e,t,n){return me.i=me.last=0,Ke(me,e,t,n)[0]}function Ke(e,t,n,s){let i=[],a=s===1020?";":",";for(;e.i<t.length;e.i++){if(e.char=t[e.i],e.quoted)e.char==="\\"?e.str+=t[++e.i]:e.char==='"'?(i.push(n?n(e.str):e.str),e.str="",e.quoted=t[e.i+1]==='"',e.last=e.i+2):e.str+=e.char;else if(e.char==='"')e.quoted=!0;else if(e.char==="{")e.last=++e.i,i.push(Ke(e,t,n,s));else if(e.char==="}"){if(e.last<e.i){let u=t.slice(e.last,e.i);u==="NULL"&&!e.quoted?i.push(null):i.push(n?n(u):u)}e.quoted=!1,e.last=e.i+1;break}else if(e.char===a&&e.p!=="}"&&e.p!=='"'){let u=t.slice(e.last,e.i);u==="NULL"&&!e.quoted?i.push(null):i.push(n?n(u):u),e.last=e.i+1}e.p=e.char}return e.last<e.i&&i.push(n?n(t.slice(e.last,e.i+1)):t.slice(e.last,e.i+1)),i}var gn={};(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.b)(gn,{parseDescribeStatementResults:()=>bn,parseResults:()=>hn});(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();function hn(e,t,n,s){let i=[],a={rows:[],fields:[]},u=0,m=n?.parsers?{...t,...n.parsers}:t;return e.forEach(p=>{switch(p.name){case"rowDescription":{let E=p;a.fields=E.fields.map(I=>({name:I.name,dataTypeID:I.dataTypeID}));break}case"dataRow":{if(!a)break;let E=p;n?.rowMode==="array"?a.rows.push(E.fields.map((I,C)=>se(I,a.fields[C].dataTypeID,m))):a.rows.push(Object.fromEntries(E.fields.map((I,C)=>[a.fields[C].name,se(I,a.fields[C].dataTypeID,m)])));break}case"commandComplete":{let I=p.text.split(" "),C=I[0],de=parseInt(I[I.length-1],10);switch(C){case"INSERT":case"UPDATE":case"DELETE":case"COPY":case"MERGE":u+=de;break}let fe={...a,command:C,affectedRows:u};Number.isNaN(de)||(fe.rowCount=de),s&&(fe.blob=s),i.push(fe),a={rows:[],fields:[]};break}}}),i.length===0&&i.push({affectedRows:0,rows:[],fields:[]}),i}function bn(e){let t=e.find(n=>n.name==="parameterDescription");return t?t.dataTypeIDs:[]}(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();function U(e){let t=e.length;for(let n=e.length-1;n>=0;n--){let s=e.charCodeAt(n);s>127&&s<=2047?t++:s>2047&&s<=65535&&(t+=2),s>=56320&&s<=57343&&n--}return t}var g,b,N,ae,L,A,ie,T,Je,P=class{constructor(t=256){this.size=t;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,A);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,g);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,b,5);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,N,!1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,ae,new TextEncoder);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,L,0);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,g,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,A,ie).call(this,t))}addInt32(t){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,A,T).call(this,4),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).setInt32((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b),t,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,N)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,b,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b)+4),this}addInt16(t){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,A,T).call(this,2),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).setInt16((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b),t,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,N)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,b,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b)+2),this}addUint16(t){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,A,T).call(this,2),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).setUint16((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b),t,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,N)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,b,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b)+2),this}addCString(t){return t&&this.addString(t),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,A,T).call(this,1),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).setUint8((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b),0),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.i)(this,b)._++,this}addString(t=""){let n=U(t);return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,A,T).call(this,n),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,ae).encodeInto(t,new Uint8Array((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).buffer,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b))),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,b,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b)+n),this}add(t){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,A,T).call(this,t.byteLength),new Uint8Array((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).buffer).set(new Uint8Array(t),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,b,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b)+t.byteLength),this}flush(t){let n=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,A,Je).call(this,t);return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,b,5),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,g,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,A,ie).call(this,this.size)),new Uint8Array(n)}};g=new WeakMap,b=new WeakMap,N=new WeakMap,ae=new WeakMap,L=new WeakMap,A=new WeakSet,ie=function(t){return new DataView(new ArrayBuffer(t))},T=function(t){if((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).byteLength-(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b)<t){let s=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).buffer,i=s.byteLength+(s.byteLength>>1)+t;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,g,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,A,ie).call(this,i)),new Uint8Array((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).buffer).set(new Uint8Array(s))}},Je=function(t){if(t){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).setUint8((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,L),t);let n=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b)-((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,L)+1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).setInt32((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,L)+1,n,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,N))}return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,g).buffer.slice(t?0:5,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,b))};var f=new P,wn=e=>{f.addInt16(3).addInt16(0);for(let s of Object.keys(e))f.addCString(s).addCString(e[s]);f.addCString("client_encoding").addCString("UTF8");let t=f.addCString("").flush(),n=t.byteLength+4;return new P().addInt32(n).add(t).flush()},An=()=>{let e=new DataView(new ArrayBuffer(8));return e.setInt32(0,8,!1),e.setInt32(4,80877103,!1),new Uint8Array(e.buffer)},Sn=e=>f.addCString(e).flush(112),Bn=(e,t)=>(f.addCString(e).addInt32(U(t)).addString(t),f.flush(112)),Dn=e=>f.addString(e).flush(112),In=e=>f.addCString(e).flush(81),xn=[],Mn=e=>{let t=e.name??"";t.length>63&&(console.error("Warning! Postgres only supports 63 characters for query names."),console.error("You supplied %s (%s)",t,t.length),console.error("This can cause conflicts and silent errors executing queries"));let n=f.addCString(t).addCString(e.text).addInt16(e.types?.length??0);return e.types?.forEach(s=>n.addInt32(s)),f.flush(80)},k=new P;var Rn=(e,t)=>{for(let n=0;n<e.length;n++){let s=t?t(e[n],n):e[n];if(s===null)f.addInt16(0),k.addInt32(-1);else if(s instanceof ArrayBuffer||ArrayBuffer.isView(s)){let i=ArrayBuffer.isView(s)?s.buffer.slice(s.byteOffset,s.byteOffset+s.byteLength):s;f.addInt16(1),k.addInt32(i.byteLength),k.add(i)}else f.addInt16(0),k.addInt32(U(s)),k.addString(s)}},En=(e={})=>{let t=e.portal??"",n=e.statement??"",s=e.binary??!1,i=e.values??xn,a=i.length;return f.addCString(t).addCString(n),f.addUint16(a),Rn(i,e.valueMapper),f.addUint16(a),f.add(k.flush()),f.addInt16(s?1:0),f.flush(66)},Cn=new Uint8Array([69,0,0,0,9,0,0,0,0,0]),Tn=e=>{if(!e||!e.portal&&!e.rows)return Cn;let t=e.portal??"",n=e.rows??0,s=U(t),i=4+s+1+4,a=new DataView(new ArrayBuffer(1+i));return a.setUint8(0,69),a.setInt32(1,i,!1),new TextEncoder().encodeInto(t,new Uint8Array(a.buffer,5)),a.setUint8(s+5,0),a.setUint32(a.byteLength-4,n,!1),new Uint8Array(a.buffer)},Nn=(e,t)=>{let n=new DataView(new ArrayBuffer(16));return n.setInt32(0,16,!1),n.setInt16(4,1234,!1),n.setInt16(6,5678,!1),n.setInt32(8,e,!1),n.setInt32(12,t,!1),new Uint8Array(n.buffer)},Be=(e,t)=>{let n=new P;return n.addCString(t),n.flush(e)},Pn=f.addCString("P").flush(68),Un=f.addCString("S").flush(68),Ln=e=>e.name?Be(68,`${e.type}${e.name??""}`):e.type==="P"?Pn:Un,kn=e=>{let t=`${e.type}${e.name??""}`;return Be(67,t)},On=e=>f.add(e).flush(100),Vn=e=>Be(102,e),oe=e=>new Uint8Array([e,0,0,0,4]),Fn=oe(72),Gn=oe(83),Qn=oe(88),_n=oe(99),$e={startup:wn,password:Sn,requestSsl:An,sendSASLInitialResponseMessage:Bn,sendSCRAMClientFinalMessage:Dn,query:In,parse:Mn,bind:En,execute:Tn,describe:Ln,close:kn,flush:()=>Fn,sync:()=>Gn,end:()=>Qn,copyData:On,copyDone:()=>_n,copyFail:Vn,cancel:Nn};var Ne={};(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.b)(Ne,{AuthenticationCleartextPassword:()=>G,AuthenticationMD5Password:()=>Q,AuthenticationOk:()=>F,AuthenticationSASL:()=>_,AuthenticationSASLContinue:()=>v,AuthenticationSASLFinal:()=>H,BackendKeyDataMessage:()=>J,CommandCompleteMessage:()=>Z,CopyDataMessage:()=>z,CopyResponse:()=>q,DataRowMessage:()=>ee,DatabaseError:()=>O,Field:()=>Y,NoticeMessage:()=>te,NotificationResponseMessage:()=>$,ParameterDescriptionMessage:()=>W,ParameterStatusMessage:()=>K,ReadyForQueryMessage:()=>X,RowDescriptionMessage:()=>j,bindComplete:()=>Ie,closeComplete:()=>xe,copyDone:()=>Te,emptyQuery:()=>Ce,noData:()=>Me,parseComplete:()=>De,portalSuspended:()=>Re,replicationStart:()=>Ee});(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var De={name:"parseComplete",length:5},Ie={name:"bindComplete",length:5},xe={name:"closeComplete",length:5},Me={name:"noData",length:5},Re={name:"portalSuspended",length:5},Ee={name:"replicationStart",length:4},Ce={name:"emptyQuery",length:4},Te={name:"copyDone",length:4},F=class{constructor(t){this.length=t;this.name="authenticationOk"}},G=class{constructor(t){this.length=t;this.name="authenticationCleartextPassword"}},Q=class{constructor(t,n){this.length=t;this.salt=n;this.name="authenticationMD5Password"}},_=class{constructor(t,n){this.length=t;this.mechanisms=n;this.name="authenticationSASL"}},v=class{constructor(t,n){this.length=t;this.data=n;this.name="authenticationSASLContinue"}},H=class{constructor(t,n){this.length=t;this.data=n;this.name="authenticationSASLFinal"}},O=class extends Error{constructor(n,s,i){super(n);this.length=s;this.name=i}},z=class{constructor(t,n){this.length=t;this.chunk=n;this.name="copyData"}},q=class{constructor(t,n,s,i){this.length=t;this.name=n;this.binary=s;this.columnTypes=new Array(i)}},Y=class{constructor(t,n,s,i,a,u,m){this.name=t;this.tableID=n;this.columnID=s;this.dataTypeID=i;this.dataTypeSize=a;this.dataTypeModifier=u;this.format=m}},j=class{constructor(t,n){this.length=t;this.fieldCount=n;this.name="rowDescription";this.fields=new Array(this.fieldCount)}},W=class{constructor(t,n){this.length=t;this.parameterCount=n;this.name="parameterDescription";this.dataTypeIDs=new Array(this.parameterCount)}},K=class{constructor(t,n,s){this.length=t;this.parameterName=n;this.parameterValue=s;this.name="parameterStatus"}},J=class{constructor(t,n,s){this.length=t;this.processID=n;this.secretKey=s;this.name="backendKeyData"}},$=class{constructor(t,n,s,i){this.length=t;this.processId=n;this.channel=s;this.payload=i;this.name="notification"}},X=class{constructor(t,n){this.length=t;this.status=n;this.name="readyForQuery"}},Z=class{constructor(t,n){this.length=t;this.text=n;this.name="commandComplete"}},ee=class{constructor(t,n){this.length=t;this.fields=n;this.name="dataRow";this.fieldCount=n.length}},te=class{constructor(t,n){this.length=t;this.message=n;this.name="notice"}};var zn={};(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.b)(zn,{Parser:()=>pe,messages:()=>Ne,serialize:()=>$e});(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var Pe={text:0,binary:1};(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.j)();var vn=new ArrayBuffer(0),x,w,ce,le,V,ue=class{constructor(t=0){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,x,new DataView(vn));(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,w);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,ce,"utf-8");(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,le,new TextDecoder((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,ce)));(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,V,!1);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,w,t)}setBuffer(t,n){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,w,t),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,x,new DataView(n))}int16(){let t=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,x).getInt16((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,V));return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,w,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w)+2),t}uint16(){let t=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,x).getUint16((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,V));return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,w,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w)+2),t}byte(){let t=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,x).getUint8((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w));return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.i)(this,w)._++,t}int32(){let t=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,x).getInt32((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,V));return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,w,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w)+4),t}string(t){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,le).decode(this.bytes(t))}cstring(){let t=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w),n=t;for(;(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,x).getUint8(n++)!==0;);let s=this.string(n-t-1);return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,w,n),s}bytes(t){let n=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,x).buffer.slice((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w)+t);return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,w,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,w)+t),new Uint8Array(n)}};x=new WeakMap,w=new WeakMap,ce=new WeakMap,le=new WeakMap,V=new WeakMap;var Ue=1,Hn=4,Xe=Ue+Hn,Ze=new ArrayBuffer(0);var S,B,D,o,c,Le,et,tt,nt,rt,st,it,at,ke,ot,ut,ct,lt,pt,dt,ft,mt,Oe,pe=class{constructor(){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,c);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,S,new DataView(Ze));(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,B,0);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,D,0);(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.f)(this,o,new ue)}parse(t,n){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,et).call(this,ArrayBuffer.isView(t)?t.buffer.slice(t.byteOffset,t.byteOffset+t.byteLength):t);let s=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,D)+(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,B),i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,D);for(;i+Xe<=s;){let a=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,S).getUint8(i),u=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,S).getUint32(i+Ue,!1),m=Ue+u;if(m+i<=s&&u>0){let p;try{p=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,tt).call(this,i+Xe,a,u,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,S).buffer)}catch(E){throw (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,Le).call(this),E}n(p),i+=m}else break}i===s?(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,Le).call(this):((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,B,s-i),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,D,i))}};S=new WeakMap,B=new WeakMap,D=new WeakMap,o=new WeakMap,c=new WeakSet,Le=function(){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,S,new DataView(Ze)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,B,0),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,D,0)},et=function(t){if((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,B)>0){let n=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,B)+t.byteLength;if(n+(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,D)>(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,S).byteLength){let i;if(n<=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,S).byteLength&&(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,D)>=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,B))i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,S).buffer;else{let a=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,S).byteLength*2;for(;n>=a;)a*=2;i=new ArrayBuffer(a)}new Uint8Array(i).set(new Uint8Array((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,S).buffer,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,D),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,B))),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,S,new DataView(i)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,D,0)}new Uint8Array((0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,S).buffer).set(new Uint8Array(t),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,D)+(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,B)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,B,n)}else (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,S,new DataView(t)),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,D,0),(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.g)(this,B,t.byteLength)},tt=function(t,n,s,i){switch(n){case 50:return Ie;case 49:return De;case 51:return xe;case 110:return Me;case 115:return Re;case 99:return Te;case 87:return Ee;case 73:return Ce;case 68:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,pt).call(this,t,s,i);case 67:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,rt).call(this,t,s,i);case 90:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,nt).call(this,t,s,i);case 65:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,ot).call(this,t,s,i);case 82:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,mt).call(this,t,s,i);case 83:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,dt).call(this,t,s,i);case 75:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,ft).call(this,t,s,i);case 69:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,Oe).call(this,t,s,i,"error");case 78:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,Oe).call(this,t,s,i,"notice");case 84:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,ut).call(this,t,s,i);case 116:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,lt).call(this,t,s,i);case 71:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,it).call(this,t,s,i);case 72:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,at).call(this,t,s,i);case 100:return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,st).call(this,t,s,i);default:return new O("received invalid response: "+n.toString(16),s,"error")}},nt=function(t,n,s){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).string(1);return new X(n,i)},rt=function(t,n,s){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).cstring();return new Z(n,i)},st=function(t,n,s){let i=s.slice(t,t+(n-4));return new z(n,new Uint8Array(i))},it=function(t,n,s){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,ke).call(this,t,n,s,"copyInResponse")},at=function(t,n,s){return (0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,ke).call(this,t,n,s,"copyOutResponse")},ke=function(t,n,s,i){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let a=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).byte()!==0,u=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int16(),m=new q(n,i,a,u);for(let p=0;p<u;p++)m.columnTypes[p]=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int16();return m},ot=function(t,n,s){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int32(),a=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).cstring(),u=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).cstring();return new $(n,i,a,u)},ut=function(t,n,s){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int16(),a=new j(n,i);for(let u=0;u<i;u++)a.fields[u]=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.h)(this,c,ct).call(this);return a},ct=function(){let t=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).cstring(),n=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int32(),s=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int16(),i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int32(),a=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int16(),u=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int32(),m=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int16()===0?Pe.text:Pe.binary;return new Y(t,n,s,i,a,u,m)},lt=function(t,n,s){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).uint16(),a=new W(n,i);for(let u=0;u<i;u++)a.dataTypeIDs[u]=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int32();return a},pt=function(t,n,s){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int16(),a=new Array(i);for(let u=0;u<i;u++){let m=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int32();a[u]=m===-1?null:(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).string(m)}return new ee(n,a)},dt=function(t,n,s){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).cstring(),a=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).cstring();return new K(n,i,a)},ft=function(t,n,s){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int32(),a=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int32();return new J(n,i,a)},mt=function(t,n,s){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let i=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).int32();switch(i){case 0:return new F(n);case 3:return new G(n);case 5:return new Q(n,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).bytes(4));case 10:{let a=[];for(;;){let u=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).cstring();if(u.length===0)return new _(n,a);a.push(u)}}case 11:return new v(n,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).string(n-8));case 12:return new H(n,(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).string(n-8));default:throw new Error("Unknown authenticationOk message type "+i)}},Oe=function(t,n,s,i){(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).setBuffer(t,s);let a={},u=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).string(1);for(;u!=="\0";)a[u]=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).cstring(),u=(0,_chunk_ZSOCVAT7_js__WEBPACK_IMPORTED_MODULE_0__.e)(this,o).string(1);let m=a.M,p=i==="notice"?new te(n,m):new O(m,n,i);return p.severity=a.S,p.code=a.C,p.detail=a.D,p.hint=a.H,p.position=a.P,p.internalPosition=a.p,p.internalQuery=a.q,p.where=a.W,p.schema=a.s,p.table=a.t,p.column=a.c,p.dataType=a.d,p.constraint=a.n,p.file=a.F,p.line=a.L,p.routine=a.R,p};
//# sourceMappingURL=chunk-Y6PULSM7.js.map

/***/ }),

/***/ 4417:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ D),
/* harmony export */   b: () => (/* binding */ F),
/* harmony export */   c: () => (/* binding */ L),
/* harmony export */   d: () => (/* binding */ P),
/* harmony export */   e: () => (/* binding */ h),
/* harmony export */   f: () => (/* binding */ R),
/* harmony export */   g: () => (/* binding */ x),
/* harmony export */   h: () => (/* binding */ T),
/* harmony export */   i: () => (/* binding */ U),
/* harmony export */   j: () => (/* binding */ u)
/* harmony export */ });
var p=Object.create;var i=Object.defineProperty;var c=Object.getOwnPropertyDescriptor;var f=Object.getOwnPropertyNames;var l=Object.getPrototypeOf,s=Object.prototype.hasOwnProperty;var a=t=>{throw TypeError(t)};var _=(t,e,o)=>e in t?i(t,e,{enumerable:!0,configurable:!0,writable:!0,value:o}):t[e]=o;var d=(t,e)=>()=>(t&&(e=t(t=0)),e);var D=(t,e)=>()=>(e||t((e={exports:{}}).exports,e),e.exports),F=(t,e)=>{for(var o in e)i(t,o,{get:e[o],enumerable:!0})},g=(t,e,o,m)=>{if(e&&typeof e=="object"||typeof e=="function")for(let r of f(e))!s.call(t,r)&&r!==o&&i(t,r,{get:()=>e[r],enumerable:!(m=c(e,r))||m.enumerable});return t};var L=(t,e,o)=>(o=t!=null?p(l(t)):{},g(e||!t||!t.__esModule?i(o,"default",{value:t,enumerable:!0}):o,t));var P=(t,e,o)=>_(t,typeof e!="symbol"?e+"":e,o),n=(t,e,o)=>e.has(t)||a("Cannot "+o);var h=(t,e,o)=>(n(t,e,"read from private field"),o?o.call(t):e.get(t)),R=(t,e,o)=>e.has(t)?a("Cannot add the same private member more than once"):e instanceof WeakSet?e.add(t):e.set(t,o),x=(t,e,o,m)=>(n(t,e,"write to private field"),m?m.call(t,o):e.set(t,o),o),T=(t,e,o)=>(n(t,e,"access private method"),o);var U=(t,e,o,m)=>({set _(r){x(t,e,r,o)},get _(){return h(t,e,m)}});var u=d(()=>{"use strict"});
//# sourceMappingURL=chunk-ZSOCVAT7.js.map

/***/ }),

/***/ 1618:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Eb: () => (/* reexport */ chunk_XZUEO4BZ.d)
});

// UNUSED EXPORTS: IdbFs, MemoryFS, Mutex, TransactionAbortedError, formatQuery, messages, parse, protocol, types

// EXTERNAL MODULE: ./node_modules/@electric-sql/pglite/dist/chunk-Y6PULSM7.js
var chunk_Y6PULSM7 = __webpack_require__(2713);
// EXTERNAL MODULE: ./node_modules/@electric-sql/pglite/dist/chunk-ZSOCVAT7.js
var chunk_ZSOCVAT7 = __webpack_require__(4417);
;// CONCATENATED MODULE: ./node_modules/@electric-sql/pglite/dist/chunk-VQDTEBLE.js
(0,chunk_ZSOCVAT7.j)();async function v(s,e,r,n){if(!r||r.length===0)return e;n=n??s;let t=[];try{await s.execProtocol(c.parse({text:e}),{syncToFs:!1}),t.push(...(await s.execProtocol(c.describe({type:"S"}),{syncToFs:!1})).messages)}finally{t.push(...(await s.execProtocol(c.sync(),{syncToFs:!1})).messages)}let a=y(t),i=e.replace(/\$([0-9]+)/g,(d,l)=>"%"+l+"$L");return(await n.query(`SELECT format($1, ${r.map((d,l)=>`$${l+2}`).join(", ")}) as query`,[i,...r],{paramTypes:[u,...a]})).rows[0].query}function x(s){let e,r=!1,n=async()=>{if(!e){r=!1;return}r=!0;let{args:t,resolve:a,reject:i}=e;e=void 0;try{let o=await s(...t);a(o)}catch(o){i(o)}finally{n()}};return async(...t)=>{e&&e.resolve(void 0);let a=new Promise((i,o)=>{e={args:t,resolve:i,reject:o}});return r||n(),a}}
//# sourceMappingURL=chunk-VQDTEBLE.js.map
// EXTERNAL MODULE: ./node_modules/@electric-sql/pglite/dist/chunk-XZUEO4BZ.js
var chunk_XZUEO4BZ = __webpack_require__(1367);
// EXTERNAL MODULE: ./node_modules/@electric-sql/pglite/dist/chunk-UYHX356B.js
var chunk_UYHX356B = __webpack_require__(7002);
// EXTERNAL MODULE: ./node_modules/@electric-sql/pglite/dist/chunk-N66TTF7B.js
var chunk_N66TTF7B = __webpack_require__(2249);
// EXTERNAL MODULE: ./node_modules/@electric-sql/pglite/dist/chunk-BD5WXLQO.js
var chunk_BD5WXLQO = __webpack_require__(2498);
// EXTERNAL MODULE: ./node_modules/@electric-sql/pglite/dist/chunk-KLBW4PNS.js
var chunk_KLBW4PNS = __webpack_require__(3775);
;// CONCATENATED MODULE: ./node_modules/@electric-sql/pglite/dist/index.js
(0,chunk_ZSOCVAT7.j)();(0,chunk_ZSOCVAT7.j)();
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 3849:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* unused harmony exports Client, Pool, Connection, types, Query, DatabaseError, escapeIdentifier, escapeLiteral, Result, TypeOverrides, defaults */
/* harmony import */ var _lib_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3273);
// ESM wrapper for pg


// Re-export all the properties
const Client = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Client
const Pool = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Pool
const Connection = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Connection
const types = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.types
const Query = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Query
const DatabaseError = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.DatabaseError
const escapeIdentifier = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.escapeIdentifier
const escapeLiteral = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.escapeLiteral
const Result = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.Result
const TypeOverrides = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.TypeOverrides

// Also export the defaults
const defaults = _lib_index_js__WEBPACK_IMPORTED_MODULE_0__.defaults

// Re-export the default
/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (_lib_index_js__WEBPACK_IMPORTED_MODULE_0__);


/***/ })

};

//# sourceMappingURL=770.index.js.map