// Verdict → decision. The one place that says what a verdict, the fail mode and an override
// request mean for a closure, and what the user is told.
import type {
  FailMode,
  GuardMessage,
  OverrideRequest,
  ResolutionDecision,
  VerdictChoice,
} from './types.ts';
import type { ParseResult } from './response.ts';
import type { PushedResult } from './pushed-verdict.ts';
import { OVERRIDE_HINT, checkItems, eventLink, failingChecks, sourceNote, unconfirmedChecks } from './messages.ts';
import { ROLE } from './names.ts';

/** Live answer first; the pushed verdict only when there is no usable live answer. */
export function chooseVerdict(live: ParseResult, pushed: () => PushedResult): VerdictChoice {
  if (live.ok) return { source: 'live', verdict: live.verdict, problems: [] };
  const fallback = pushed();
  if (fallback.ok) return { source: 'pushed', verdict: fallback.verdict, problems: [live.problem] };
  return { source: 'none', verdict: null, problems: [live.problem, fallback.problem] };
}

export interface DecisionInput {
  failMode: FailMode;
  /** For the "See why" link; '' when unknown. */
  connectorUrl: string;
  /** Correlation id of the guarding record, for the link. */
  correlationId: string;
  /** The record's number, e.g. INC0010042 or WO0010003. */
  label: string;
  /** 'resolved', 'closed' or 'canceled': what the user tried to do. */
  verb: string;
  choice: VerdictChoice;
  override: OverrideRequest;
}

export function decideResolution(input: DecisionInput): ResolutionDecision {
  const { choice, override, verb, failMode } = input;
  const verdict = choice.verdict;
  const base = {
    source: choice.source,
    verdict: verdict ? verdict.verdict : ('' as const),
    checks: verdict ? verdict.checks : [],
    evaluatedAt: verdict ? verdict.evaluatedAt : '',
    detail: choice.problems.join('; '),
  };
  const url = eventLink(input.connectorUrl, input.correlationId);
  const link = url ? { label: 'See why', url } : null;
  const label = input.label || 'This record';

  const overrideProblem = override.requested ? overrideRefusal(override) : null;
  if (override.requested && overrideProblem === null) {
    return {
      ...base,
      outcome: 'overridden',
      abort: false,
      message: {
        level: 'info',
        title: `Closeloop: ${label} ${verb} despite telemetry. Your justification has been recorded.`,
        items: checkItems(unconfirmedChecks(base.checks)),
        link,
        footer: [sourceNote(choice)],
      },
    };
  }

  const refused = overrideProblem ? [`Override not applied: ${overrideProblem}.`] : [];
  const blocked = (message: Omit<GuardMessage, 'level'>, outcome: 'blocked' | 'unavailable'): ResolutionDecision => ({
    ...base,
    outcome,
    abort: true,
    message: { level: 'error', ...message, footer: [...message.footer, ...refused, OVERRIDE_HINT] },
  });
  const allowed = (message: GuardMessage | null, outcome: 'allowed' | 'unavailable'): ResolutionDecision => ({
    ...base,
    outcome,
    abort: false,
    message,
  });

  if (!verdict) {
    if (failMode === 'allow') {
      return allowed(
        {
          level: 'info',
          title: `Closeloop: ${label} was ${verb} without a telemetry verdict (fail mode "allow").`,
          items: choice.problems,
          link,
          footer: [],
        },
        'unavailable',
      );
    }
    return blocked(
      {
        title: `Closeloop: ${label} cannot be ${verb}: no telemetry verdict is available.`,
        items: choice.problems,
        link,
        footer: ['Fail mode "block" refuses closures that telemetry cannot confirm.'],
      },
      'unavailable',
    );
  }

  switch (verdict.verdict) {
    case 'pass':
      return allowed(
        {
          level: 'info',
          title: `Closeloop: telemetry supports this: ${label} ${verb} (${describeCount(verdict.checks.length)}).`,
          items: [],
          link: null,
          footer: choice.source === 'live' ? [] : [sourceNote(choice)],
        },
        'allowed',
      );
    case 'not_applicable':
      return allowed(null, 'allowed');
    case 'fail': {
      const failing = failingChecks(verdict.checks);
      return blocked(
        {
          title: `Closeloop: ${label} cannot be ${verb} yet: telemetry does not support it.`,
          items: checkItems(failing.length ? failing : unconfirmedChecks(verdict.checks)),
          link,
          footer: [sourceNote(choice)],
        },
        'blocked',
      );
    }
    case 'unknown': {
      const items = checkItems(unconfirmedChecks(verdict.checks));
      if (failMode === 'allow') {
        return allowed(
          {
            level: 'info',
            title: `Closeloop: telemetry could not confirm ${label} is fixed; ${verb} anyway by fail mode "allow".`,
            items,
            link,
            footer: [sourceNote(choice)],
          },
          'allowed',
        );
      }
      return blocked(
        {
          title: `Closeloop: ${label} cannot be ${verb} yet: telemetry could not confirm it is fixed.`,
          items,
          link,
          footer: [sourceNote(choice)],
        },
        'blocked',
      );
    }
  }
}

/** What "Check telemetry" shows: the verdict and every check, without touching the record. */
export function describeVerdict(
  input: Pick<DecisionInput, 'connectorUrl' | 'correlationId' | 'failMode' | 'choice'>,
): GuardMessage {
  const url = eventLink(input.connectorUrl, input.correlationId);
  const link = url ? { label: 'See why', url } : null;
  const verdict = input.choice.verdict;
  if (!verdict) {
    return {
      level: 'error',
      title: 'Closeloop: no telemetry verdict is available.',
      items: input.choice.problems,
      link,
      footer: [`Fail mode is "${input.failMode}".`],
    };
  }
  const summary: Record<typeof verdict.verdict, string> = {
    pass: `PASS: telemetry supports resolving (${describeCount(verdict.checks.length)}).`,
    fail: 'FAIL: telemetry does not support resolving yet.',
    unknown: 'UNKNOWN: telemetry cannot confirm the problem is fixed.',
    not_applicable: 'NOT APPLICABLE: no close checks apply to this record.',
  };
  return {
    level: verdict.verdict === 'fail' || verdict.verdict === 'unknown' ? 'error' : 'info',
    title: `Closeloop telemetry verdict: ${summary[verdict.verdict]}`,
    items: checkItems(verdict.checks, true),
    link,
    footer: [sourceNote(input.choice)],
  };
}

function overrideRefusal(override: OverrideRequest): string | null {
  if (!override.hasRole) return `it requires the ${ROLE.closureOverride} role`;
  if (override.justification.trim() === '') return 'a written justification is required';
  return null;
}

function describeCount(count: number): string {
  if (count === 0) return 'verdict pass';
  return count === 1 ? '1 close check passed' : `all ${count} close checks passed`;
}
