import type { ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startLoopbackSmtpServer, summarize, type LoopbackSmtpServer } from './loopback-smtp-server';

export interface InboxMessage {
  id: string;
  receivedAt: string;
  from: string;
  to: string;
  subject: string;
  messageId: string;
  html: string;
  text: string;
}

const KEEP = 200;

/**
 * The development inbox: a real SMTP server on 127.0.0.1 that keeps what it receives under .data/inbox,
 * so with no SMTP_URL configured every email still travels over SMTP and can be read in a browser.
 */
export class DevInbox {
  private server: LoopbackSmtpServer | undefined;

  constructor(private readonly directory: string) {}

  async start(port: number): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    this.server = await startLoopbackSmtpServer(port, (mail) => this.store(mail), {
      banner: 'Gatehouse development inbox',
      size: 10 * 1024 * 1024,
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.close();
  }

  /** Newest first. */
  async list(): Promise<InboxMessage[]> {
    const files = await this.files();
    const messages = await Promise.all(files.map((file) => this.read(file)));
    return messages.filter((message): message is InboxMessage => message !== null);
  }

  async get(id: string): Promise<InboxMessage | null> {
    const file = (await this.files()).find((name) => name.endsWith(`-${id}.json`));
    return file ? this.read(file) : null;
  }

  private async store(parsed: ParsedMail): Promise<void> {
    const id = randomUUID();
    const message: InboxMessage = {
      ...summarize(parsed),
      id,
      receivedAt: new Date().toISOString(),
      from: parsed.from?.text ?? '',
      subject: parsed.subject ?? '(no subject)',
    };
    await writeFile(
      path.join(this.directory, `${Date.now().toString().padStart(15, '0')}-${id}.json`),
      JSON.stringify(message),
    );
    const stale = (await this.files()).slice(KEEP);
    await Promise.all(stale.map((file) => rm(path.join(this.directory, file), { force: true })));
  }

  private async files(): Promise<string[]> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    return names
      .filter((name) => name.endsWith('.json'))
      .sort()
      .reverse();
  }

  private async read(file: string): Promise<InboxMessage | null> {
    try {
      return JSON.parse(await readFile(path.join(this.directory, file), 'utf8')) as InboxMessage;
    } catch {
      return null;
    }
  }
}
