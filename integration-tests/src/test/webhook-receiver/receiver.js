// A webhook receiver for Handoff's integration tests, written against the standardwebhooks library
// (npm), not against Handoff's code: each request is verified with new Webhook(secret).verify(body,
// headers), and recorded with the verdict. Listens on 127.0.0.1 only.
//
//   node receiver.js <port>
//
// Control paths (the test drives the receiver through them):
//   PUT  /_secrets    body: whsec_ secrets, one a line. Each request is verified once per secret, by a
//                     Webhook holding that secret alone, as separate receivers would: verifiedBy lists
//                     the indexes of the secrets that accepted it, verified says whether any did.
//   PUT  /_plan?path=/x  body: JSON array of answers for the next requests to /x, each
//                     {"status": 500, "retryAfter": "2", "delayMs": 0, "body": "..."}; then 200
//   GET  /_received   JSON array of the requests so far: path, headers, body, verified, verifiedBy,
//                     errors, at (ms)
// Any other path is a webhook: answered by the plan, else 200.
"use strict";

const http = require("http");
const { Webhook } = require("standardwebhooks");

const port = Number(process.argv[2]);
let secrets = [];
const plans = new Map();
const received = [];

function verdict(body, headers) {
    const verifiedBy = [];
    const errors = [];
    secrets.forEach((secret, index) => {
        try {
            new Webhook(secret).verify(body, headers);
            verifiedBy.push(index);
        } catch (e) {
            errors.push(index + ": " + String(e && e.message));
        }
    });
    return { verified: verifiedBy.length > 0, verifiedBy, errors };
}

function control(req, res, url, body) {
    if (req.method === "PUT" && url.pathname === "/_secrets") {
        secrets = body.split("\n").map((line) => line.trim()).filter((line) => line.length > 0);
        res.writeHead(204).end();
    } else if (req.method === "PUT" && url.pathname === "/_plan") {
        plans.set(url.searchParams.get("path"), JSON.parse(body));
        res.writeHead(204).end();
    } else if (req.method === "GET" && url.pathname === "/_received") {
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(received));
    } else {
        res.writeHead(404).end();
    }
}

function webhook(req, res, url, body) {
    const { verified, verifiedBy, errors } = verdict(body, req.headers);
    received.push({ path: url.pathname, method: req.method, headers: req.headers, body, verified, verifiedBy,
        errors, at: Date.now() });
    const plan = plans.get(url.pathname) || [];
    const answer = plan.length > 0 ? plan.shift() : { status: 200 };
    const headers = answer.retryAfter ? { "Retry-After": answer.retryAfter } : {};
    setTimeout(() => res.writeHead(answer.status, headers).end(answer.body || ""), answer.delayMs || 0);
}

http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const url = new URL(req.url, "http://127.0.0.1");
        if (url.pathname.startsWith("/_")) {
            control(req, res, url, body);
        } else {
            webhook(req, res, url, body);
        }
    });
}).listen(port, "127.0.0.1", () => console.log("listening on 127.0.0.1:" + port));
