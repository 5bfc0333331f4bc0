import '@servicenow/sdk/global';
import { CrossScopePrivilege } from '@servicenow/sdk/core';

// Everything the app's scripts touch outside x_closeloop, so they work with runtime access
// "Enforcing". One record per operation and table. Field Service (wm_*) and change tables are in the
// global scope; a privilege for a table an instance does not have is never exercised.
CrossScopePrivilege({ $id: Now.ID['xscope-task-read'], status: 'allowed', operation: 'read', targetName: 'task', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-task-write'], status: 'allowed', operation: 'write', targetName: 'task', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-incident-read'], status: 'allowed', operation: 'read', targetName: 'incident', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-incident-write'], status: 'allowed', operation: 'write', targetName: 'incident', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-change-read'], status: 'allowed', operation: 'read', targetName: 'change_request', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-change-write'], status: 'allowed', operation: 'write', targetName: 'change_request', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-wm-order-read'], status: 'allowed', operation: 'read', targetName: 'wm_order', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-wm-order-write'], status: 'allowed', operation: 'write', targetName: 'wm_order', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-wm-task-read'], status: 'allowed', operation: 'read', targetName: 'wm_task', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-wm-task-write'], status: 'allowed', operation: 'write', targetName: 'wm_task', targetScope: 'global', targetType: 'sys_db_object' });
// OT Incident Management is its own scope; "requested": an admin approves it where it is installed.
CrossScopePrivilege({ $id: Now.ID['xscope-ot-incident-read'], status: 'requested', operation: 'read', targetName: 'sn_ot_incident', targetScope: 'sn_ot_inc_mgmt', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-ot-incident-write'], status: 'requested', operation: 'write', targetName: 'sn_ot_incident', targetScope: 'sn_ot_inc_mgmt', targetType: 'sys_db_object' });
// The CI class of a record's CI, the manager of its assignment group, the MID Server's name.
CrossScopePrivilege({ $id: Now.ID['xscope-cmdb-ci-read'], status: 'allowed', operation: 'read', targetName: 'cmdb_ci', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-group-read'], status: 'allowed', operation: 'read', targetName: 'sys_user_group', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-ecc-agent-read'], status: 'allowed', operation: 'read', targetName: 'ecc_agent', targetScope: 'global', targetType: 'sys_db_object' });
// The GlideAjax processor extends global.AbstractAjaxProcessor.
CrossScopePrivilege({ $id: Now.ID['xscope-ajax-processor'], status: 'allowed', operation: 'execute', targetName: 'AbstractAjaxProcessor', targetScope: 'global', targetType: 'sys_script_include' });
// The ATF tests (in this scope) check that events were queued and work notes written.
CrossScopePrivilege({ $id: Now.ID['xscope-sysevent-read'], status: 'allowed', operation: 'read', targetName: 'sysevent', targetScope: 'global', targetType: 'sys_db_object' });
CrossScopePrivilege({ $id: Now.ID['xscope-journal-read'], status: 'allowed', operation: 'read', targetName: 'sys_journal_field', targetScope: 'global', targetType: 'sys_db_object' });
