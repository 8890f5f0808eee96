import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
const FILES = ['gatehouse.css', 'form-validation.js'];

/** The pages' stylesheet and script, read once; only these names are served, so no path reaches the disk. */
@Controller('assets')
export class AssetsController {
  private readonly files = new Map(
    FILES.map((name) => [name, readFileSync(path.join(__dirname, '..', 'views', 'assets', name))]),
  );

  @Get(':name')
  serve(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const file = this.files.get(name);
    if (!file) throw new NotFoundException(`No asset named ${name}.`);
    void reply.type(TYPES[path.extname(name)]).header('cache-control', 'public, max-age=3600');
    return file;
  }
}
