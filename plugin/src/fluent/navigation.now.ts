import '@servicenow/sdk/global';
import { ApplicationMenu, Record } from '@servicenow/sdk/core';
import { appAdminRole, auditorRole, closureOverrideRole } from './roles.now.ts';

export const closeloopMenu = ApplicationMenu({
  $id: Now.ID['menu-closeloop'],
  title: 'Closeloop',
  hint: 'Closure guard: audit, verdicts, configuration',
  description: 'The Closeloop closure guard: who tried to close what, what telemetry said, and how the guard is configured.',
  roles: ['itil', 'sn_incident_read', 'wm_agent', 'sn_ot_incident_read', closureOverrideRole, auditorRole, appAdminRole],
  active: true,
});

Record({ $id: Now.ID['module-audit'], table: 'sys_app_module', data: { title: 'Closure audit', application: closeloopMenu, link_type: 'LIST', name: 'x_closeloop_closure_audit', filter: 'ORDERBYDESCchecked_at', order: 100, active: true, hint: 'Every closure attempt on a guarded record' } });
Record({ $id: Now.ID['module-blocks-overrides'], table: 'sys_app_module', data: { title: 'Blocks and overrides', application: closeloopMenu, link_type: 'FILTER', name: 'x_closeloop_closure_audit', filter: 'outcomeINblocked,overridden,unavailable^ORDERBYDESCchecked_at', order: 110, active: true } });
Record({ $id: Now.ID['module-verdicts'], table: 'sys_app_module', data: { title: 'Pushed verdicts', application: closeloopMenu, link_type: 'LIST', name: 'x_closeloop_verdict', filter: 'ORDERBYDESCsys_updated_on', order: 200, active: true } });
Record({ $id: Now.ID['module-override-requests'], table: 'sys_app_module', data: { title: 'Override requests', application: closeloopMenu, link_type: 'LIST', name: 'x_closeloop_override_request', filter: 'ORDERBYDESCrequested_at', order: 210, active: true, roles: [closureOverrideRole, auditorRole] } });
Record({ $id: Now.ID['module-separator-admin'], table: 'sys_app_module', data: { title: 'Administration', application: closeloopMenu, link_type: 'SEPARATOR', order: 300, active: true, roles: [appAdminRole] } });
Record({ $id: Now.ID['module-guarded-tables'], table: 'sys_app_module', data: { title: 'Guarded tables', application: closeloopMenu, link_type: 'LIST', name: 'x_closeloop_guarded_table', order: 310, active: true, roles: [appAdminRole] } });
Record({ $id: Now.ID['module-connector-state'], table: 'sys_app_module', data: { title: 'Connector state', application: closeloopMenu, link_type: 'LIST', name: 'x_closeloop_connector_state', order: 320, active: true, roles: [appAdminRole] } });
Record({ $id: Now.ID['module-properties'], table: 'sys_app_module', data: { title: 'Properties', application: closeloopMenu, link_type: 'DIRECT', query: 'system_properties_ui.do?sysparm_title=Closeloop%20closure%20guard&sysparm_category=Closeloop', order: 330, active: true, roles: [appAdminRole] } });
