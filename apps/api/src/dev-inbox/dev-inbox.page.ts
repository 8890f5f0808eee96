import { DevInbox } from '@gatehouse/infrastructure/local/dev-inbox';
import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { ViewRenderer } from '../views/view-renderer';

const HTML = 'text/html; charset=utf-8';

/** Read the emails Gatehouse sent while it runs its own development inbox (no SMTP_URL). */
@Controller('dev/inbox')
export class DevInboxPage {
  constructor(
    private readonly inbox: DevInbox,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  @Header('Content-Type', HTML)
  @Header('Cache-Control', 'no-store')
  async list(): Promise<string> {
    return this.views.render('dev-inbox', 'en', { title: 'Development inbox', messages: await this.inbox.list() });
  }

  @Get(':id')
  @Header('Content-Type', HTML)
  // The email's HTML part is shown in a sandboxed iframe and styles itself inline, as emails do.
  @Header(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  )
  @Header('Cache-Control', 'no-store')
  async show(@Param('id') id: string): Promise<string> {
    const message = /^[0-9a-f-]{36}$/.test(id) ? await this.inbox.get(id) : null;
    if (!message) throw new NotFoundException('No such email in the development inbox.');
    const links = [...new Set(message.text.match(/https?:\/\/\S+/g) ?? [])];
    return this.views.render('dev-inbox-message', 'en', { title: message.subject, message, links });
  }
}
