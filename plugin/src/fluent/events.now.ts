import '@servicenow/sdk/global';
import { EmailNotification, Record } from '@servicenow/sdk/core';

// Events for people and for Flow Designer. Blocks and overrides are queued on their audit row
// (x_closeloop_closure_audit: task, number, assignment_group, justification), so a notification or a
// flow has the whole story; verdict changes on the pushed verdict row.
Record({
  $id: Now.ID['event-resolution-blocked'],
  table: 'sysevent_register',
  data: {
    suffix: 'resolution_blocked',
    event_name: 'x_closeloop.resolution_blocked',
    description: 'A closure of a guarded record was refused (parm1: number, parm2: the message shown).',
    table: 'x_closeloop_closure_audit',
    fired_by: 'Business Rule: Closeloop: guard closures',
    priority: 100,
  },
});

Record({
  $id: Now.ID['event-override-used'],
  table: 'sysevent_register',
  data: {
    suffix: 'override_used',
    event_name: 'x_closeloop.override_used',
    description: 'A guarded record was resolved despite telemetry (parm1: group manager, parm2: justification).',
    table: 'x_closeloop_closure_audit',
    fired_by: 'Business Rule: Closeloop: confirm closures',
    priority: 100,
  },
});

Record({
  $id: Now.ID['event-verdict-changed'],
  table: 'sysevent_register',
  data: {
    suffix: 'verdict_changed',
    event_name: 'x_closeloop.verdict_changed',
    description: 'The connector pushed a different verdict for an event (parm1: new verdict, parm2: previous).',
    table: 'x_closeloop_verdict',
    fired_by: 'Business Rule: Closeloop: announce verdict changes',
    priority: 100,
  },
});

EmailNotification({
  $id: Now.ID['notification-resolution-blocked'],
  table: 'x_closeloop_closure_audit',
  name: 'Closeloop: closure refused',
  description: 'Tells the assignment group that closing one of its records was refused by telemetry.',
  active: true,
  triggerConditions: { generationType: 'event', eventName: 'x_closeloop.resolution_blocked' },
  recipientDetails: { recipientFields: ['assignment_group'], sendToCreator: false },
  emailContent: {
    contentType: 'text/plain',
    subject: 'Closeloop refused closing ${number}',
    messageText:
      '${user} tried to close ${number}; Closeloop refused because telemetry does not support it.\n\n${message}\n\nVerdict: ${verdict} (${source}), checked ${checked_at}.',
  },
});

EmailNotification({
  $id: Now.ID['notification-override-used'],
  table: 'x_closeloop_closure_audit',
  name: 'Closeloop: resolved despite telemetry',
  description: 'Tells the assignment group, and its manager, that an override was used.',
  active: true,
  triggerConditions: { generationType: 'event', eventName: 'x_closeloop.override_used' },
  recipientDetails: { recipientFields: ['assignment_group'], eventParm1WithRecipient: true, sendToCreator: false },
  emailContent: {
    contentType: 'text/plain',
    importance: 'high',
    subject: '${number} was resolved despite telemetry',
    messageText:
      '${user} resolved ${number} although Closeloop telemetry did not support it.\n\nJustification: ${justification}\n\nVerdict at the time: ${verdict} (${source}).\n${message}',
  },
});
