// Drives eureka-js-client (a Eureka client we did not write) against MeshClient's in-process Eureka server.
// Started by EurekaJsClientInteropTests with NODE_PATH pointing at the installed package:
//   node eureka-interop.js <eurekaPort> <app> <instanceId> <instancePort> <peerApp> <timeoutMs>
// It registers <app> under the Netflix base path (/eureka/v2/apps/, the client's default), renews, fetches the registry
// (full, then deltas) until it sees <peerApp>, and writes one JSON object per line on stdout:
//   {"event":"registered"}, {"event":"heartbeat"}, {"event":"sees","instances":[...]}, {"event":"deregistered"}, {"event":"error"}.
// On the line "stop" (or the end of stdin) it deregisters and exits 0. It exits 3 on its own after <timeoutMs>.
'use strict';

const readline = require('readline');
const { Eureka } = require('eureka-js-client');

const [eurekaPort, app, instanceId, instancePort, peerApp, timeoutMs] = process.argv.slice(2);
const fetchIntervalMs = 200;
const maxFetchChecks = 100;

function emit(event, fields) {
  process.stdout.write(JSON.stringify(Object.assign({ event }, fields)) + '\n');
}

function fail(message, code) {
  emit('error', { message: String(message) });
  process.exit(code);
}

// The watchdog: never outlive the test that started us.
setTimeout(() => fail(`no "stop" within ${timeoutMs} ms`, 3), Number(timeoutMs)).unref();

// The client logs on stderr, so that stdout carries only the JSON lines.
const log = (...args) => console.error(...args);
const logger = { debug() {}, info: log, warn: log, error: log };

const client = new Eureka({
  logger,
  instance: {
    app,
    instanceId,
    hostName: '127.0.0.1',
    ipAddr: '127.0.0.1',
    statusPageUrl: `http://127.0.0.1:${instancePort}/info`,
    healthCheckUrl: `http://127.0.0.1:${instancePort}/health`,
    port: { $: Number(instancePort), '@enabled': 'true' },
    vipAddress: app,
    dataCenterInfo: { '@class': 'com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo', name: 'MyOwn' },
    metadata: { runtime: 'node', zone: 'zone-a' },
  },
  eureka: {
    host: '127.0.0.1',
    port: Number(eurekaPort),
    heartbeatInterval: 500,
    registryFetchInterval: fetchIntervalMs,
    maxRetries: 0,
  },
  shouldUseDelta: true,
});

client.once('registered', () => emit('registered'));
client.once('heartbeat', () => emit('heartbeat'));

function describe(instance) {
  return {
    app: instance.app,
    instanceId: instance.instanceId,
    hostName: instance.hostName,
    port: Number(instance.port && instance.port.$),
    status: instance.status,
    vipAddress: instance.vipAddress,
    zone: instance.metadata ? instance.metadata.zone : undefined,
  };
}

function waitForPeer(checks) {
  const instances = client.cache.app[peerApp.toUpperCase()] || [];
  if (instances.length > 0) {
    emit('sees', { app: peerApp.toUpperCase(), instances: instances.map(describe) });
    return;
  }
  if (checks >= maxFetchChecks) {
    fail(`${peerApp} not in the registry after ${checks} fetches`, 2);
  }
  setTimeout(() => waitForPeer(checks + 1), fetchIntervalMs);
}

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  client.stop((error) => {
    if (error) fail(`deregistration failed: ${error.message || error}`, 1);
    emit('deregistered');
    process.exit(0);
  });
}

client.start((error) => {
  if (error) fail(`start failed: ${error.message || error}`, 1);
  waitForPeer(0);
  const input = readline.createInterface({ input: process.stdin });
  input.on('line', (line) => { if (line.trim() === 'stop') stop(); });
  input.on('close', stop);
});
