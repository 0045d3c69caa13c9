// One DNS question to one server: UDP first, TCP when the answer is truncated. Every exchange has a
// timeout; nothing is cached (a pre-flight must see records the moment they change).
import { createSocket } from "node:dgram";
import { connect } from "node:net";
import { randomInt } from "node:crypto";
import { decodeMessage, encodeQuery, type DnsMessage, type RecordType } from "./wire";

export interface ServerAddress {
  host: string;
  port: number;
}

/** "1.2.3.4", "1.2.3.4:5353", "[::1]:53", "::1" → host and port (53 when absent). */
export function parseServer(s: string): ServerAddress {
  const t = s.trim();
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (bracket) return { host: bracket[1], port: bracket[2] ? Number(bracket[2]) : 53 };
  const parts = t.split(":");
  if (parts.length === 2 && /^\d+$/.test(parts[1])) return { host: parts[0], port: Number(parts[1]) };
  return { host: t, port: 53 };
}

export function formatServer(s: ServerAddress): string {
  const host = s.host.includes(":") ? `[${s.host}]` : s.host;
  return s.port === 53 ? host : `${host}:${s.port}`;
}

export class DnsTimeoutError extends Error {
  constructor(server: ServerAddress, name: string, type: string) {
    super(`no answer from ${formatServer(server)} for ${type} ${name}`);
    this.name = "DnsTimeoutError";
  }
}

export async function query(server: ServerAddress, name: string, type: RecordType, timeoutMs = 2000): Promise<DnsMessage> {
  const id = randomInt(0, 0x10000);
  const packet = encodeQuery(id, name, type);
  let msg: DnsMessage | undefined;
  try {
    msg = await overUdp(server, packet, id, timeoutMs);
  } catch (err) {
    if (!(err instanceof DnsTimeoutError)) throw err;
    // One more try over UDP: a lost datagram is common.
    msg = await overUdp(server, packet, id, timeoutMs).catch((e2: unknown) => {
      if (e2 instanceof DnsTimeoutError) throw new DnsTimeoutError(server, name, type);
      throw e2;
    });
  }
  if (msg.truncated) msg = await overTcp(server, packet, id, timeoutMs);
  return msg;
}

function overUdp(server: ServerAddress, packet: Buffer, id: number, timeoutMs: number): Promise<DnsMessage> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(server.host.includes(":") ? "udp6" : "udp4");
    let finished = false;
    // Settles once; late datagrams and errors after that are ignored (closing twice would throw).
    const done = (fn: () => void) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      try {
        socket.close();
      } catch {
        // already closed
      }
      fn();
    };
    const timer = setTimeout(() => done(() => reject(new DnsTimeoutError(server, "", ""))), timeoutMs);
    socket.on("error", (err) => done(() => reject(err)));
    socket.on("message", (buf) => {
      if (finished) return;
      let msg: DnsMessage;
      try {
        msg = decodeMessage(buf);
      } catch (err) {
        return done(() => reject(err));
      }
      if (msg.id !== id) return; // a stray or spoofed answer: keep waiting
      done(() => resolve(msg));
    });
    try {
      socket.send(packet, server.port, server.host, (err) => {
        if (err) done(() => reject(err));
      });
    } catch (err) {
      done(() => reject(err));
    }
  });
}

function overTcp(server: ServerAddress, packet: Buffer, id: number, timeoutMs: number): Promise<DnsMessage> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: server.host, port: server.port });
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(new DnsTimeoutError(server, "", "")), timeoutMs);
    socket.on("connect", () => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(packet.length);
      socket.write(Buffer.concat([len, packet]));
    });
    let settled = false;
    socket.on("data", (chunk) => {
      if (settled) return;
      data = Buffer.concat([data, chunk]);
      if (data.length >= 2 && data.length >= 2 + data.readUInt16BE(0)) {
        clearTimeout(timer);
        settled = true;
        socket.end();
        try {
          const msg = decodeMessage(data.subarray(2, 2 + data.readUInt16BE(0)));
          if (msg.id !== id) reject(new Error(`DNS answer over TCP from ${formatServer(server)} has the wrong id`));
          else resolve(msg);
        } catch (err) {
          reject(err);
        }
      }
    });
    socket.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
