import { SignInUser } from '@gatehouse/domain/use-cases/sign-in-user.use-case';
import type { Locale } from '@gatehouse/infrastructure/i18n/locale';
import { Body, Controller, Get, Header, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InteractionResults } from 'oidc-provider';
import { roundUpForPeople } from '../config/durations';
import { RequestLocale } from '../http/request-locale.decorator';
import { RateLimit } from '../rate-limits/rate-limit.decorator';
import { formField } from '../views/form-body';
import { submitForm } from '../views/form-refusal';
import { ViewRenderer } from '../views/view-renderer';
import { allowFormRedirectsTo } from './form-action';
import { OidcEngine, SIGN_IN_PATH } from './oidc-engine';

const HTML = 'text/html; charset=utf-8';

type Interaction = Awaited<ReturnType<OidcEngine['provider']['interactionDetails']>>;

/**
 * The provider's interactions: the sign-in page a product sends a person to (a plain form, no script needed), and
 * the consent of first-party products, given without a screen. Both end by sending the browser back to the flow.
 */
@Controller(SIGN_IN_PATH.slice(1))
export class SignInPage {
  constructor(
    private readonly engine: OidcEngine,
    private readonly signInUser: SignInUser,
    private readonly views: ViewRenderer,
  ) {}

  @Get(':uid')
  @Header('Content-Type', HTML)
  async show(
    @Param('uid') uid: string,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | undefined> {
    const interaction = await this.interaction(uid, request, reply);
    if (!interaction) return this.expired(locale, reply);
    if (interaction.prompt.name === 'consent') {
      return this.finish(request, reply, { consent: { grantId: await this.consent(interaction) } });
    }
    return this.form(interaction, locale, reply, {});
  }

  @Post(':uid')
  @Header('Content-Type', HTML)
  @RateLimit('signin', 'signIn')
  async submit(
    @Param('uid') uid: string,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | undefined> {
    const interaction = await this.interaction(uid, request, reply);
    if (!interaction || interaction.prompt.name !== 'login') return this.expired(locale, reply);
    const email = formField(body, 'email');
    const answer = await submitForm(locale, this.views, () =>
      this.signInUser.execute({ email, password: formField(body, 'password') }),
    );
    if (answer.refused) {
      const { status, headers, code, retryAfterSeconds } = answer.refusal;
      void reply.status(status).headers(headers);
      // A locked address (known or not, alike) is told when to come back, in the person's words.
      const formError =
        code === 'sign_in_locked' && retryAfterSeconds
          ? this.views.text(locale, 'signin.locked', {
              wait: this.views.duration(locale, roundUpForPeople(retryAfterSeconds * 1000)),
            })
          : answer.refusal.formError;
      // Only the right password learns the account waits for its confirmation: it may ask for a new link there.
      return this.form(interaction, locale, reply, { email, formError, offerResend: code === 'confirmation_pending' });
    }
    return this.finish(request, reply, { login: { accountId: answer.value.userId } });
  }

  /** The interaction the browser's cookie names, if it is this page's and still alive. */
  private async interaction(uid: string, request: FastifyRequest, reply: FastifyReply): Promise<Interaction | null> {
    try {
      const interaction = await this.engine.provider.interactionDetails(request.raw, reply.raw);
      return interaction.uid === uid ? interaction : null;
    } catch {
      // No interaction cookie, or its interaction expired or was finished: the product has to start again.
      return null;
    }
  }

  private form(
    interaction: Interaction,
    locale: Locale,
    reply: FastifyReply,
    values: { email?: string; formError?: string; offerResend?: boolean },
  ): string {
    const policy = reply.getHeader('content-security-policy');
    if (typeof policy === 'string') {
      void reply.header(
        'content-security-policy',
        allowFormRedirectsTo(policy, [interaction.params.redirect_uri as string | undefined]),
      );
    }
    return this.views.render('sign-in', locale, {
      title: 'signin.title',
      action: `${SIGN_IN_PATH}/${interaction.uid}`,
      email: values.email ?? (interaction.params.login_hint as string | undefined) ?? '',
      formError: values.formError,
      offerResend: values.offerResend ?? false,
    });
  }

  private expired(locale: Locale, reply: FastifyReply): string {
    void reply.status(400);
    return this.views.render('oidc-problem', locale, { title: 'oidc_problem.title', error: 'invalid_request' });
  }

  /** First-party products get what they asked for: the grant gains the scopes and claims the flow misses. */
  private async consent(interaction: Interaction): Promise<string> {
    const { Grant } = this.engine.provider;
    const details = interaction.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    const grant =
      (interaction.grantId ? await Grant.find(interaction.grantId) : undefined) ??
      new Grant({ accountId: interaction.session?.accountId, clientId: interaction.params.client_id as string });
    if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    return grant.save();
  }

  private async finish(request: FastifyRequest, reply: FastifyReply, result: InteractionResults): Promise<undefined> {
    const to = await this.engine.provider.interactionResult(request.raw, reply.raw, result, {
      mergeWithLastSubmission: false,
    });
    void reply.status(303).header('location', to);
    return undefined;
  }
}
