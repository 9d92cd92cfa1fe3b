// Drives the npm package `consul` (a Consul client we did not write) against MeshClient's in-process Consul agent.
// Started by ConsulJsClientInteropTests with NODE_PATH pointing at the installed package:
//   node consul-interop.js <agentPort> <service> <serviceId> <servicePort> <peerService> <timeoutMs>
// It registers <service> with a TTL check (PUT /v1/agent/service/register), marks the check passing
// (PUT /v1/agent/check/pass/service:<serviceId>), reads the agent's services back, watches <peerService> with blocking
// queries (GET /v1/health/service/<peerService>?passing=true&index=N&wait=30s) until it has a passing instance, and
// writes one JSON object per line on stdout:
//   {"event":"registered","agentServices":[...]}, {"event":"sees","instances":[...]}, {"event":"deregistered"}, {"event":"error"}.
// On the line "stop" (or the end of stdin) it deregisters and exits 0. It exits 3 on its own after <timeoutMs>.
'use strict';

const readline = require('readline');
const Consul = require('consul');

const [agentPort, service, serviceId, servicePort, peerService, timeoutMs] = process.argv.slice(2);

function emit(event, fields) {
  process.stdout.write(JSON.stringify(Object.assign({ event }, fields)) + '\n');
}

function fail(message, code) {
  emit('error', { message: String(message) });
  process.exit(code);
}

// The watchdog: never outlive the test that started us.
setTimeout(() => fail(`no "stop" within ${timeoutMs} ms`, 3), Number(timeoutMs)).unref();

const consul = new Consul({ host: '127.0.0.1', port: Number(agentPort) });
let watch;

function describe(entry) {
  return {
    node: entry.Node.Node,
    id: entry.Service.ID,
    service: entry.Service.Service,
    address: entry.Service.Address,
    port: entry.Service.Port,
    tags: entry.Service.Tags,
    meta: entry.Service.Meta,
    checks: entry.Checks.map((c) => ({ id: c.CheckID, status: c.Status })),
  };
}

function watchPeer() {
  watch = consul.watch({
    method: consul.health.service,
    options: { service: peerService, passing: true, wait: '30s' },
    backoffFactor: 50,
    backoffMax: 1000,
  });
  let seen = false;
  watch.on('change', (data, res) => {
    if (!seen && Array.isArray(data) && data.length > 0) {
      seen = true;
      emit('sees', { service: peerService, index: res.headers['x-consul-index'], instances: data.map(describe) });
    }
  });
  watch.on('error', (error) => console.error(`watch of ${peerService}: ${error.message || error}`));
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  if (watch) watch.end();
  try {
    await consul.agent.service.deregister(serviceId);
  } catch (error) {
    fail(`deregistration failed: ${error.message || error}`, 1);
  }
  emit('deregistered');
  process.exit(0);
}

async function start() {
  await consul.agent.service.register({
    name: service,
    id: serviceId,
    address: '127.0.0.1',
    port: Number(servicePort),
    tags: ['node', 'interop'],
    meta: { runtime: 'node', zone: 'zone-a' },
    check: { ttl: '10m', notes: 'pushed by consul-interop.js', deregistercriticalserviceafter: '1m' },
  });
  await consul.agent.check.pass({ id: `service:${serviceId}`, note: 'node is alive' });
  const services = await consul.agent.service.list();
  emit('registered', {
    agentServices: Object.values(services).map((s) => ({ id: s.ID, service: s.Service, port: s.Port, weights: s.Weights })),
  });
  watchPeer();
}

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => { if (line.trim() === 'stop') stop(); });
input.on('close', stop);
start().catch((error) => fail(`start failed: ${error.message || error}`, 1));
