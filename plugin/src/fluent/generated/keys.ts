import '@servicenow/sdk/global';

declare global {
  namespace Now {
    namespace Internal {
      interface Keys extends KeysRegistry {
        explicit: {
          'acl-audit-create': {
            table: 'sys_security_acl';
            id: 'd48a7d9eb9c94f14a16e70e8c5f0f445';
          };
          'acl-audit-delete': {
            table: 'sys_security_acl';
            id: 'd2659657ce0b4fb49261c52485ff5e5e';
          };
          'acl-audit-read': {
            table: 'sys_security_acl';
            id: 'f6403db75a1740c7b7b29cecd29b4c52';
          };
          'acl-audit-write': {
            table: 'sys_security_acl';
            id: '69870057aea14e009d85fb3bd1224600';
          };
          'acl-verdict-create': {
            table: 'sys_security_acl';
            id: '463ec4ca24bb486f98e17aa7150ce5af';
          };
          'acl-verdict-delete': {
            table: 'sys_security_acl';
            id: 'e6b13f304c5a450095cc9e70e6a0012c';
          };
          'acl-verdict-read': {
            table: 'sys_security_acl';
            id: '81af4832c7e84f509f24a91e042822fd';
          };
          'acl-verdict-write': {
            table: 'sys_security_acl';
            id: 'b88ce9d6ba1a4977aa60c9efe09c6ea2';
          };
          'atf-guard-allows-on-pass': {
            table: 'sys_atf_test';
            id: 'c31e5497dd6c4172aa172b37f9b3640d';
          };
          'atf-guard-allows-on-pass-audit': {
            table: 'sys_atf_step';
            id: 'bab3b8cb3408473f875bd99869b721b0';
          };
          'atf-guard-allows-on-pass-insert': {
            table: 'sys_atf_step';
            id: '757e10df09cb40e0b33aa4182585f337';
          };
          'atf-guard-allows-on-pass-resolve': {
            table: 'sys_atf_step';
            id: '66cc4d7c7aea41deb3e6452dcdf08e90';
          };
          'atf-guard-allows-on-pass-resolved': {
            table: 'sys_atf_step';
            id: 'dca59ccc3bfd490a95249d5ae8cb3348';
          };
          'atf-guard-allows-on-pass-stub': {
            table: 'sys_atf_step';
            id: '2ea57cfae15a4e3fb9910cdcf15eb53f';
          };
          'atf-guard-blocks-on-fail': {
            table: 'sys_atf_test';
            id: '30d11d49c5274fdaab0ddee2b381f8f1';
          };
          'atf-guard-blocks-on-fail-audit': {
            table: 'sys_atf_step';
            id: 'd599389deef34fc2aaa0d8e41a33d42f';
          };
          'atf-guard-blocks-on-fail-insert': {
            table: 'sys_atf_step';
            id: 'f7f07b0fa77d42afb2e3020f8e67da6f';
          };
          'atf-guard-blocks-on-fail-resolve': {
            table: 'sys_atf_step';
            id: '75518a6483ba4ab388803ce0455f5df9';
          };
          'atf-guard-blocks-on-fail-still-open': {
            table: 'sys_atf_step';
            id: 'fd61b0431d2940ffb9095660fc1b74df';
          };
          'atf-guard-blocks-on-fail-stub': {
            table: 'sys_atf_step';
            id: 'ae2a43bd64b54a4a8da54320fbbd54fa';
          };
          'atf-guard-ignores-close': {
            table: 'sys_atf_test';
            id: '201f6c9cfc814f6e9b25a71fd0e7f01c';
          };
          'atf-guard-ignores-close-close': {
            table: 'sys_atf_step';
            id: 'a7c98db716e143859c382137c8a2f41c';
          };
          'atf-guard-ignores-close-insert': {
            table: 'sys_atf_step';
            id: '10f06912a81547da9dd482b4f9ba22fa';
          };
          'atf-guard-ignores-close-no-audit': {
            table: 'sys_atf_step';
            id: 'afa171b223834725a7ea58a4ceb1db84';
          };
          'atf-guard-ignores-close-stub': {
            table: 'sys_atf_step';
            id: 'f724f2ef6f1b4e118ee2b65cf6f53bd6';
          };
          'atf-guard-override': {
            table: 'sys_atf_test';
            id: '3bff539c36d14f13bd2d7feef159153e';
          };
          'atf-guard-override-audit': {
            table: 'sys_atf_step';
            id: '402702b4a53647af91f7db185a95c18a';
          };
          'atf-guard-override-insert': {
            table: 'sys_atf_step';
            id: '1b645515bbb64913b85377a0c5596fcb';
          };
          'atf-guard-override-needs-role': {
            table: 'sys_atf_test';
            id: 'c4a500cc401d433e9ae44de74d6ef8fc';
          };
          'atf-guard-override-needs-role-audit': {
            table: 'sys_atf_step';
            id: 'de8e8673ee84445b92a50f7596522fb4';
          };
          'atf-guard-override-needs-role-insert': {
            table: 'sys_atf_step';
            id: 'dc87dbae936a4bcc90079e7e740ab1ab';
          };
          'atf-guard-override-needs-role-resolve': {
            table: 'sys_atf_step';
            id: '24af7887066d461788aa37e543a4b093';
          };
          'atf-guard-override-needs-role-stub': {
            table: 'sys_atf_step';
            id: '69981e623f3f46edb9b4235c92121374';
          };
          'atf-guard-override-needs-role-user': {
            table: 'sys_atf_step';
            id: '494676a5c22d4713bc481e8f66e1d646';
          };
          'atf-guard-override-resolve': {
            table: 'sys_atf_step';
            id: 'e3cd4593127e48f0b24de2b860438ff7';
          };
          'atf-guard-override-resolved': {
            table: 'sys_atf_step';
            id: 'dbf8f6b66e654d598201bc696189332f';
          };
          'atf-guard-override-stub': {
            table: 'sys_atf_step';
            id: 'b1dbe149ad414a7f9714122bc7a000cf';
          };
          'atf-guard-override-user': {
            table: 'sys_atf_step';
            id: 'e7741f979eb348f5a101cd7c3f3f3055';
          };
          bom_json: {
            table: 'sys_module';
            id: '7708f74c1f4242ed8fccc31a094d1fc4';
          };
          'br-guard-incident-resolution': {
            table: 'sys_script';
            id: 'cf8ced4413f94dd894d830f20a51d1d0';
          };
          'client-script-override-justification': {
            table: 'sys_script_client';
            id: '56ec17587493404588cf86d2e04284dc';
          };
          'guard-br': {
            table: 'sys_script';
            id: '33adc444b18d4477bf35c8a351e78095';
            deleted: true;
          };
          'incident-closure-audit-related-list': {
            table: 'sys_ui_related_list_entry';
            id: '13d08beab16b4d4784e520e7df3da0c2';
          };
          'incident-related-lists': {
            table: 'sys_ui_related_list';
            id: '62e130f364e44809a7a74af090cf6462';
          };
          package_json: {
            table: 'sys_module';
            id: '27dcaeaea5b14a8db8c92d2ca07e1f4c';
          };
          'property-connector-api-key': {
            table: 'sys_properties';
            id: 'b325f5d555cd403b9df560675a379eb4';
          };
          'property-connector-mid-server': {
            table: 'sys_properties';
            id: '3331eeba7b464ab5b8b3494594625f1f';
          };
          'property-connector-stub-response': {
            table: 'sys_properties';
            id: 'ae7ea993cc23467ab083d4133857069c';
          };
          'property-connector-timeout': {
            table: 'sys_properties';
            id: '018c2937bf404424af9f76a15c12fc03';
          };
          'property-connector-url': {
            table: 'sys_properties';
            id: '825c8553730f459788104d9ba3033abc';
          };
          'property-fail-mode': {
            table: 'sys_properties';
            id: '3de5a051760b484387c636c78df52337';
          };
          'property-guarded-ci-classes': {
            table: 'sys_properties';
            id: '6daf53438d084c56897118354cb15f4d';
          };
          'property-guarded-correlation-display': {
            table: 'sys_properties';
            id: '46e551b091914178992ee265dfe78a73';
          };
          'property-pushed-max-age': {
            table: 'sys_properties';
            id: '17acd1bcb5c247998d8dc89973953531';
          };
          src_server_closure_decide_ts: {
            table: 'sys_module';
            id: 'ab02d91c3ee14014be4758997707d338';
          };
          src_server_closure_guard_ts: {
            table: 'sys_module';
            id: 'e757193bc42d40e0bb1985b38e298009';
          };
          src_server_closure_guarded_ts: {
            table: 'sys_module';
            id: 'e4196117828c4ab1a3b4fb4b77fa09b1';
          };
          src_server_closure_messages_ts: {
            table: 'sys_module';
            id: '05cf742166b04e62b5e08f8951a168c2';
          };
          src_server_closure_names_ts: {
            table: 'sys_module';
            id: 'e6154769fde94f71acce51af865114bb';
          };
          src_server_closure_override_ts: {
            table: 'sys_module';
            id: '4edc4302a1284bcd8e1b1d074d0a0dcb';
          };
          'src_server_closure_pushed-verdict_ts': {
            table: 'sys_module';
            id: '06d05ac0735b4daf86aa19cfd6188c45';
          };
          src_server_closure_request_ts: {
            table: 'sys_module';
            id: 'ca4394fb7793444690bfedf97e7dffd1';
          };
          src_server_closure_response_ts: {
            table: 'sys_module';
            id: 'd635f477afc04af8b0c3d9c396c96739';
          };
          src_server_closure_settings_ts: {
            table: 'sys_module';
            id: '83c7971022c241c1aca3d01a5932f6d6';
          };
          src_server_closure_timestamps_ts: {
            table: 'sys_module';
            id: '724385afd4b6407fa9637081ba1175e4';
          };
          'src_server_closure_transport-errors_ts': {
            table: 'sys_module';
            id: '60a55517d152486495d471b3c8794660';
          };
          src_server_closure_types_ts: {
            table: 'sys_module';
            id: '80c24ea1593d42c9ac01709fd6b875b2';
          };
          src_server_entry_action_ts: {
            table: 'sys_module';
            id: '1d83ab7379b6450f940f9c0b340e032d';
          };
          'src_server_entry_check-telemetry_ts': {
            table: 'sys_module';
            id: '9affedb686c94582935d95849d465c0a';
          };
          'src_server_entry_guard-resolution_ts': {
            table: 'sys_module';
            id: '8234efe96d204adb94a1c7b1d02415ae';
          };
          'src_server_entry_resolve-despite-telemetry_ts': {
            table: 'sys_module';
            id: 'a88300f812184120af010221f3009697';
          };
          'src_server_glide_audit-log_ts': {
            table: 'sys_module';
            id: '302d998925734eeba18c5ded2cb8328e';
          };
          src_server_glide_cmdb_ts: {
            table: 'sys_module';
            id: '7cab1c99521e44baad1ea2b81f4a67ca';
          };
          'src_server_glide_connector-client_ts': {
            table: 'sys_module';
            id: '74d35cc49d264bb3ac75bb2a180dd185';
          };
          src_server_glide_environment_ts: {
            table: 'sys_module';
            id: 'caa1482d9ad24c4db18361f01c18542c';
          };
          'src_server_glide_incident-record_ts': {
            table: 'sys_module';
            id: 'cc7200d88abd404ca59f677abe8de12a';
          };
          src_server_glide_properties_ts: {
            table: 'sys_module';
            id: 'afee6ae109dc40b38e91b911804ec0c8';
          };
          src_server_glide_session_ts: {
            table: 'sys_module';
            id: 'ea6342b7e79045c8a1f3f04ee059abc7';
          };
          'src_server_glide_verdict-store_ts': {
            table: 'sys_module';
            id: '7b3566e29692424281c6c9c9a4f411bd';
          };
          src_server_guard_decide_ts: {
            table: 'sys_module';
            id: 'b2ea898ed8474981bd645b48453f2ad1';
            deleted: true;
          };
          src_server_guard_entry_ts: {
            table: 'sys_module';
            id: 'ef34c3a3fcb24a28860f4a7b5ddd65a4';
            deleted: true;
          };
          'ui-action-check-telemetry': {
            table: 'sys_ui_action';
            id: '8a389b21c7014cdca53b9d23a908c39e';
          };
          'ui-action-resolve-despite-telemetry': {
            table: 'sys_ui_action';
            id: '3981f97df1dd40b99771c890398d8ab9';
          };
        };
        composite: [
          {
            table: 'sys_variable_value';
            id: '001f7381a9014198948b498d96950db2';
            key: {
              document_key: 'dc87dbae936a4bcc90079e7e740ab1ab';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_variable_value';
            id: '039c235e00064be1a5514ff148e48c55';
            key: {
              document_key: 'd599389deef34fc2aaa0d8e41a33d42f';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_variable_value';
            id: '03d8fa2238b94b0a9c3309d440b443c5';
            key: {
              document_key: 'b1dbe149ad414a7f9714122bc7a000cf';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: '056822245c184b8f81b0e332e406bc17';
            key: {
              document_key: 'fd61b0431d2940ffb9095660fc1b74df';
              variable: '67400008676003007ba405225685efa4';
            };
          },
          {
            table: 'sys_variable_value';
            id: '056d1000f2404abdac789dd1b8fc17ed';
            key: {
              document_key: 'e7741f979eb348f5a101cd7c3f3f3055';
              variable: '1778a7480f20101091d0f00c97767e03';
            };
          },
          {
            table: 'sys_documentation';
            id: '060e401fb92c41a5b43b38f343ab83c7';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'checks';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '0693e724820f4940ba4fc3fdbcb70dcb';
            key: {
              document_key: 'a7c98db716e143859c382137c8a2f41c';
              variable: 'bc4c43935320220002c6435723dc34a2';
            };
          },
          {
            table: 'sys_variable_value';
            id: '09c8e859b35f40248c6f257e2a24260e';
            key: {
              document_key: 'ae2a43bd64b54a4a8da54320fbbd54fa';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '0c1fade2b94545018b0de75f95e3a0f2';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: 'cd6781134e4b40ddb99aac307bcab15f';
                key: {
                  name: 'x_closeloop.closure_override';
                };
              };
            };
          },
          {
            table: 'sys_ui_list_element';
            id: '0d821fc0344b4254bf86c6cd9f301197';
            key: {
              list_id: {
                id: 'de58d21e0b4341b3be6f0410d39fc7c1';
                key: {
                  name: 'x_closeloop_closure_audit';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'source';
            };
          },
          {
            table: 'sys_choice';
            id: '0eba54647d9c45ba9d68e2cbb1bb4efa';
            key: {
              name: 'x_closeloop_verdict';
              element: 'verdict';
              value: 'fail';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_variable_value';
            id: '0f192d036d1f4f29b7cdd7c20c779a38';
            key: {
              document_key: 'dbf8f6b66e654d598201bc696189332f';
              variable: 'ff6e125353a0220002c6435723dc3442';
            };
          },
          {
            table: 'sys_dictionary';
            id: '0fb91e714c6e4c17be79b3795668f80b';
            key: {
              name: 'incident';
              element: 'x_closeloop_override_justification';
            };
          },
          {
            table: 'sys_dictionary';
            id: '106c76866faf43bd8dfe6c9ff83b153b';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'message';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: '10daf0188b724e9e8c0f11d67a78b8f8';
            key: {
              list_id: {
                id: 'de58d21e0b4341b3be6f0410d39fc7c1';
                key: {
                  name: 'x_closeloop_closure_audit';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'user';
            };
          },
          {
            table: 'sys_variable_value';
            id: '13078009c620438293a717046162f603';
            key: {
              document_key: 'dc87dbae936a4bcc90079e7e740ab1ab';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_choice';
            id: '130f79fceca94c3b9df7792859bdc9ac';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'outcome';
              value: 'overridden';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_dictionary';
            id: '135ea182f1b44ccda992cdbf754005c2';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'user';
            };
          },
          {
            table: 'sys_variable_value';
            id: '1428ff065b714e6e932ea3442bdcc4e8';
            key: {
              document_key: '494676a5c22d4713bc481e8f66e1d646';
              variable: 'ff06ab840f20101091d0f00c97767e6d';
            };
          },
          {
            table: 'sys_choice';
            id: '156e72785e8948eea8d5fc9389b74ba1';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'outcome';
              value: 'unavailable';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_choice';
            id: '1586d19b2fef4cac83abaa3c27ce8367';
            key: {
              name: 'x_closeloop_verdict';
              element: 'verdict';
              value: 'unknown';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_variable_value';
            id: '16a9b19bdfc14841a808a05aab8bbd42';
            key: {
              document_key: 'e7741f979eb348f5a101cd7c3f3f3055';
              variable: '98c44875ffa033008d3f5d9ad53bf1fa';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '16e7f2260d274ceab346e49091ecde5c';
            key: {
              sys_security_acl: 'd2659657ce0b4fb49261c52485ff5e5e';
              sys_user_role: {
                id: '37e198175c0541b6915d8e3fd3a49902';
                key: {
                  name: 'admin';
                };
              };
            };
          },
          {
            table: 'sys_documentation';
            id: '16eb326224f34424aad13e53773d5f45';
            key: {
              name: 'x_closeloop_verdict';
              element: 'NULL';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '18a8fd2a8b904465a99a55b76d662980';
            key: {
              document_key: '66cc4d7c7aea41deb3e6452dcdf08e90';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_dictionary';
            id: '1e37c329c3f84bc2920ff8beb785c089';
            key: {
              name: 'x_closeloop_verdict';
              element: 'correlation_id';
            };
          },
          {
            table: 'sys_choice';
            id: '2092b3f538ba4a08a9a763bb0c150c25';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'source';
              value: 'none';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: '21cb7832ed0247fab54fdd9b93b696eb';
            key: {
              list_id: {
                id: 'de58d21e0b4341b3be6f0410d39fc7c1';
                key: {
                  name: 'x_closeloop_closure_audit';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'checked_at';
            };
          },
          {
            table: 'sys_variable_value';
            id: '2267b988748e495db427296956c9b0ec';
            key: {
              document_key: '2ea57cfae15a4e3fb9910cdcf15eb53f';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_variable_value';
            id: '2436f906dfff4989b0f631a11eac9add';
            key: {
              document_key: 'de8e8673ee84445b92a50f7596522fb4';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_dictionary';
            id: '2547d2a679534fa79282e000b04f8572';
            key: {
              name: 'incident';
              element: 'x_closeloop_override_requested';
            };
          },
          {
            table: 'sys_index';
            id: '266fc615702e4e46834248a9a01126e2';
            key: {
              logical_table_name: 'x_closeloop_verdict';
              col_name_string: 'correlation_id';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '26b4ffb6dd9e4c82afe6c0d113ede18a';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: 'e3cd4593127e48f0b24de2b860438ff7';
            };
          },
          {
            table: 'sys_variable_value';
            id: '27f3e01d92684b4b8a2e876685b37e2e';
            key: {
              document_key: 'dbf8f6b66e654d598201bc696189332f';
              variable: '6aad5a575360220002c6435723dc34b0';
            };
          },
          {
            table: 'sys_variable_value';
            id: '2838c6b262604882b3b420844758c31e';
            key: {
              document_key: '1b645515bbb64913b85377a0c5596fcb';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_variable_value';
            id: '293c60dfb5224f248c85b139641185af';
            key: {
              document_key: 'dca59ccc3bfd490a95249d5ae8cb3348';
              variable: 'ff6e125353a0220002c6435723dc3442';
            };
          },
          {
            table: 'sys_dictionary';
            id: '2a9e7762eb6c45a0b29f311a36698164';
            key: {
              name: 'x_closeloop_verdict';
              element: 'checks';
            };
          },
          {
            table: 'sys_variable_value';
            id: '2ab6c0ee596f435c80975eeda6436b6f';
            key: {
              document_key: '1b645515bbb64913b85377a0c5596fcb';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_variable_value';
            id: '2b977992dfba401eb5250cd35439f28c';
            key: {
              document_key: 'f7f07b0fa77d42afb2e3020f8e67da6f';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_documentation';
            id: '2c7eff32307c4e22b932604aaf34e171';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'correlation_id';
              language: 'en';
            };
          },
          {
            table: 'sys_documentation';
            id: '2e8a3fba63364255940c8daa252eec66';
            key: {
              name: 'incident';
              element: 'x_closeloop_override_justification';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '2edcb52f04154d88918bc4b85a1e5837';
            key: {
              document_key: 'bab3b8cb3408473f875bd99869b721b0';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_variable_value';
            id: '2f27b4d92d80421f9656a7564c29c169';
            key: {
              document_key: 'afa171b223834725a7ea58a4ceb1db84';
              variable: 'b86c0427531000109e02ddeeff7b1227';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '2fdbe071f96944cfab7838f0b21d4dfb';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: '75518a6483ba4ab388803ce0455f5df9';
            };
          },
          {
            table: 'sys_documentation';
            id: '301f623e04f946ecb756ac743c924e18';
            key: {
              name: 'incident';
              element: 'x_closeloop_override_requested';
              language: 'en';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '30540114528d448593a22b0c996c350a';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: 'a7c98db716e143859c382137c8a2f41c';
            };
          },
          {
            table: 'sys_dictionary';
            id: '310d7d97fd6d40c085fca2edce5ba75e';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'verdict';
            };
          },
          {
            table: 'sys_variable_value';
            id: '34a60a7f561b444f808d7ff55f8a33c7';
            key: {
              document_key: 'f7f07b0fa77d42afb2e3020f8e67da6f';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: '34c27d46262642b397ae27f315b0c460';
            key: {
              list_id: {
                id: 'ccf3c0776b3d41b9ba78902ea8504011';
                key: {
                  name: 'x_closeloop_verdict';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'verdict';
            };
          },
          {
            table: 'sys_variable_value';
            id: '354f7a1339f247c19c94df3254aab5df';
            key: {
              document_key: 'dc87dbae936a4bcc90079e7e740ab1ab';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_choice_set';
            id: '357d3eb36e384cabb71e49761d7a9a80';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'outcome';
            };
          },
          {
            table: 'sys_variable_value';
            id: '37b621f99ed4488b9966ea5be7e3e828';
            key: {
              document_key: 'dca59ccc3bfd490a95249d5ae8cb3348';
              variable: '52ed1e5b5360220002c6435723dc3421';
            };
          },
          {
            table: 'sys_variable_value';
            id: '3840321287d64150bbc240566383c5c8';
            key: {
              document_key: '10f06912a81547da9dd482b4f9ba22fa';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_variable_value';
            id: '3a8b5dd64cfb4f679fde05067d873ed8';
            key: {
              document_key: 'dbf8f6b66e654d598201bc696189332f';
              variable: 'cbddfa135320220002c6435723dc3415';
            };
          },
          {
            table: 'sys_variable_value';
            id: '3b99c4bf05f4474a906ba88a83320ea8';
            key: {
              document_key: 'ae2a43bd64b54a4a8da54320fbbd54fa';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: '3b99e8f44d334036a1559a695153e285';
            key: {
              document_key: '757e10df09cb40e0b33aa4182585f337';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '3d21e400c1fc4b89b31a23ffc8049b80';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '69981e623f3f46edb9b4235c92121374';
            };
          },
          {
            table: 'sys_choice';
            id: '3e06ba4204c648999b7d329dfafb594e';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'outcome';
              value: 'allowed';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_variable_value';
            id: '405820b72e1d4ae4b4fb03ab32565dfc';
            key: {
              document_key: 'f724f2ef6f1b4e118ee2b65cf6f53bd6';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_dictionary';
            id: '4101a69890504eb8896f6a4ed819e40a';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'checked_at';
            };
          },
          {
            table: 'sys_variable_value';
            id: '411b70d91b564fbebc73682438cbbc05';
            key: {
              document_key: 'a7c98db716e143859c382137c8a2f41c';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_variable_value';
            id: '4146b7b1caf44fb09227fc19869e800c';
            key: {
              document_key: '2ea57cfae15a4e3fb9910cdcf15eb53f';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: '415a58dc7fb14c28a8e1bc5b792aacab';
            key: {
              document_key: '24af7887066d461788aa37e543a4b093';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_dictionary';
            id: '416b56cfcb1b4b72b05d16ed46da7012';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'source';
            };
          },
          {
            table: 'sys_dictionary';
            id: '417622ca749a4a21adaeb4f4a1623066';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'resolution_blocked';
            };
          },
          {
            table: 'sys_variable_value';
            id: '41c07e4d7dfc4729affe3acfc291803d';
            key: {
              document_key: 'fd61b0431d2940ffb9095660fc1b74df';
              variable: 'cbddfa135320220002c6435723dc3415';
            };
          },
          {
            table: 'sys_choice';
            id: '43c44dec7a5948ad9743d6e3da1df9ef';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'outcome';
              value: 'blocked';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_db_object';
            id: '441945d7b0cd41e4b27d792bddc85c12';
            key: {
              name: 'x_closeloop_closure_audit';
            };
          },
          {
            table: 'sys_variable_value';
            id: '45b26a13fbb04dcbb89be21f0be06fe1';
            key: {
              document_key: 'f7f07b0fa77d42afb2e3020f8e67da6f';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_choice';
            id: '45ce35df463147628b1ab5799834939b';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'verdict';
              value: 'unknown';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_variable_value';
            id: '462e6f014b7848d5a25cc84f05ab6863';
            key: {
              document_key: '10f06912a81547da9dd482b4f9ba22fa';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '4a1cbb8219c548529f55b327b6aa4f85';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: 'd599389deef34fc2aaa0d8e41a33d42f';
            };
          },
          {
            table: 'sys_documentation';
            id: '4b2045dd628f4a96b052ce79840d2233';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'source';
              language: 'en';
            };
          },
          {
            table: 'sys_dictionary';
            id: '4b5257c3b688456fbc206097f9328e47';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'checks';
            };
          },
          {
            table: 'sys_variable_value';
            id: '4b593c3a6a684fd39d4a375ccc768373';
            key: {
              document_key: '24af7887066d461788aa37e543a4b093';
              variable: 'bc4c43935320220002c6435723dc34a2';
            };
          },
          {
            table: 'sys_variable_value';
            id: '4c773515d5234405bddf66b0c13041ea';
            key: {
              document_key: '402702b4a53647af91f7db185a95c18a';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_documentation';
            id: '4d305a4767444df6b560b2b398294705';
            key: {
              name: 'x_closeloop_verdict';
              element: 'verdict';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '4d30f3945ddf4b0d931479cea47d51dd';
            key: {
              document_key: 'd599389deef34fc2aaa0d8e41a33d42f';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_variable_value';
            id: '4d63908b65ca44d881ce19f84b2a3eeb';
            key: {
              document_key: 'e7741f979eb348f5a101cd7c3f3f3055';
              variable: '8c07aba5ff6033008d3f5d9ad53bf13b';
            };
          },
          {
            table: 'sys_variable_value';
            id: '4d7ac0c88ba0420382e2449a47c50544';
            key: {
              document_key: 'afa171b223834725a7ea58a4ceb1db84';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '4ddc4b1990a3455b8048cbb5b0179522';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'b1dbe149ad414a7f9714122bc7a000cf';
            };
          },
          {
            table: 'sys_variable_value';
            id: '4eaccc40303e45d4acb858afddccb1ec';
            key: {
              document_key: '757e10df09cb40e0b33aa4182585f337';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_dictionary';
            id: '4fc91145075e4632a7f195a3ee22360c';
            key: {
              name: 'x_closeloop_verdict';
              element: 'verdict';
            };
          },
          {
            table: 'sys_variable_value';
            id: '503c1f14274347b3b09d8ff4a8b2dcdb';
            key: {
              document_key: '75518a6483ba4ab388803ce0455f5df9';
              variable: 'bc4c43935320220002c6435723dc34a2';
            };
          },
          {
            table: 'sys_variable_value';
            id: '561fb153e8f04745ba9c759302692467';
            key: {
              document_key: '494676a5c22d4713bc481e8f66e1d646';
              variable: '6f69fc4aff6433008d3f5d9ad53bf18c';
            };
          },
          {
            table: 'sys_variable_value';
            id: '5640000f46ef4ef1b27509b4960fd4f4';
            key: {
              document_key: '24af7887066d461788aa37e543a4b093';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: '59fd48679fd34cd6860e5c38bdd1cf8e';
            key: {
              list_id: {
                id: 'ccf3c0776b3d41b9ba78902ea8504011';
                key: {
                  name: 'x_closeloop_verdict';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'evaluated_at';
            };
          },
          {
            table: 'sys_choice';
            id: '5aa6356185cd4bd2acf86fc4bdbc39a8';
            key: {
              name: 'x_closeloop_verdict';
              element: 'verdict';
              value: 'not_applicable';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_variable_value';
            id: '5cd55e89f46d4182b9674064f77d2ecd';
            key: {
              document_key: 'e7741f979eb348f5a101cd7c3f3f3055';
              variable: 'ff06ab840f20101091d0f00c97767e6d';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '61f18d54500d4fbcbed04886ac74e8e2';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'ae2a43bd64b54a4a8da54320fbbd54fa';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '63194864719945e9ab914d5985b33ce3';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: '66cc4d7c7aea41deb3e6452dcdf08e90';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6354dfeb25c84abea01df33ab80bb689';
            key: {
              document_key: 'bab3b8cb3408473f875bd99869b721b0';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_variable_value';
            id: '645cc118ec974cc5bc922dca1df8b7cd';
            key: {
              document_key: '494676a5c22d4713bc481e8f66e1d646';
              variable: '8c07aba5ff6033008d3f5d9ad53bf13b';
            };
          },
          {
            table: 'sys_choice';
            id: '655f04912de348c383587228810a93aa';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'verdict';
              value: 'not_applicable';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_dictionary';
            id: '666aeaf503ff459e809189a14daf3efb';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'evaluated_at';
            };
          },
          {
            table: 'sys_documentation';
            id: '6790d56ae8ea4bf79707dff3107d0cf8';
            key: {
              name: 'x_closeloop_verdict';
              element: 'evaluated_at';
              language: 'en';
            };
          },
          {
            table: 'sys_choice_set';
            id: '67a4cdf9ec2c4774999c586820891a5a';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'source';
            };
          },
          {
            table: 'sys_dictionary';
            id: '69820de56ee94ff98d22c76cdf38abf8';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'correlation_id';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '6a2f87d6eb224f56afb3919032e0c790';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: '402702b4a53647af91f7db185a95c18a';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6a5c2e05baa44636956546d855987e49';
            key: {
              document_key: 'dc87dbae936a4bcc90079e7e740ab1ab';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_choice';
            id: '6ce3721afca84bc7b919dbd6dba50069';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'verdict';
              value: 'pass';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'ua_table_licensing_config';
            id: '6ded677fad664f4894db81cd5764abc5';
            key: {
              name: 'incident';
            };
          },
          {
            table: 'sys_documentation';
            id: '6f3748afd5c24aea80d0525e02cb5cce';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'checked_at';
              language: 'en';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '6fae26c413a047828cdbcb15f17c7731';
            key: {
              sys_security_acl: 'b88ce9d6ba1a4977aa60c9efe09c6ea2';
              sys_user_role: {
                id: 'bec0de7d56cf4c27ace3541c8c986733';
                key: {
                  name: 'x_closeloop.connector';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: '6fef7564a53346188a23480f0e56e767';
            key: {
              document_key: '1b645515bbb64913b85377a0c5596fcb';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_variable_value';
            id: '70a9379d66904cd98f01d6a762926cb1';
            key: {
              document_key: '494676a5c22d4713bc481e8f66e1d646';
              variable: '98c44875ffa033008d3f5d9ad53bf1fa';
            };
          },
          {
            table: 'sys_documentation';
            id: '71c1c89f55fc41588d145216aa3c393f';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'detail';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '72ea7e3b0fa04aba873b65990ce9f6c1';
            key: {
              document_key: 'd599389deef34fc2aaa0d8e41a33d42f';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_dictionary';
            id: '7347dd77c8ba440683eb0787ad2dc0bb';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'justification';
            };
          },
          {
            table: 'sys_db_object';
            id: '73a46f9aeb4441f5823df8af7be9ff79';
            key: {
              name: 'x_closeloop_verdict';
            };
          },
          {
            table: 'sys_variable_value';
            id: '77723715479c440da37731603a181aae';
            key: {
              document_key: '757e10df09cb40e0b33aa4182585f337';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_dictionary';
            id: '78a736caebd94f438a58f527c717be4e';
            key: {
              name: 'x_closeloop_verdict';
              element: 'evaluated_at';
            };
          },
          {
            table: 'sys_dictionary';
            id: '793b50bed32842eb870152d2eb2a49ca';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'NULL';
            };
          },
          {
            table: 'sys_variable_value';
            id: '79cf6d23269f4b2fb7c4c9b14ab84e3b';
            key: {
              document_key: 'afa171b223834725a7ea58a4ceb1db84';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7bae5fc8f1f8422fad0480443147c137';
            key: {
              document_key: 'dbf8f6b66e654d598201bc696189332f';
              variable: '67400008676003007ba405225685efa4';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7c59623fee8148f2957dc3d295f7dda1';
            key: {
              document_key: '494676a5c22d4713bc481e8f66e1d646';
              variable: '1778a7480f20101091d0f00c97767e03';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7d908da5e32f47169879ff5d8388dda8';
            key: {
              document_key: '75518a6483ba4ab388803ce0455f5df9';
              variable: '46dbcb535320220002c6435723dc3409';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7e24d4ba67814b43ae7ca0d88d283050';
            key: {
              document_key: 'e7741f979eb348f5a101cd7c3f3f3055';
              variable: '1985e0ceff2433008d3f5d9ad53bf1ba';
            };
          },
          {
            table: 'sys_variable_value';
            id: '8078a4e95ae64bfe86b2a860c4e4698d';
            key: {
              document_key: '494676a5c22d4713bc481e8f66e1d646';
              variable: 'b27b2b29ff6033008d3f5d9ad53bf164';
            };
          },
          {
            table: 'sys_variable_value';
            id: '8136222c95f34e0ca20dac5ecaafaff5';
            key: {
              document_key: '10f06912a81547da9dd482b4f9ba22fa';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_variable_value';
            id: '81e950934ea34809b3f62f313efb073f';
            key: {
              document_key: '66cc4d7c7aea41deb3e6452dcdf08e90';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'sys_variable_value';
            id: '8242b79874e5442688eae0753ed94b01';
            key: {
              document_key: '75518a6483ba4ab388803ce0455f5df9';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_variable_value';
            id: '83b5a7425a2641ab9754f44a0a6dfaf0';
            key: {
              document_key: 'f7f07b0fa77d42afb2e3020f8e67da6f';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '84bf86dfb88d494a98c9bd06824318b3';
            key: {
              sys_security_acl: '463ec4ca24bb486f98e17aa7150ce5af';
              sys_user_role: {
                id: 'bec0de7d56cf4c27ace3541c8c986733';
                key: {
                  name: 'x_closeloop.connector';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: '84ca5a90c8ce42a48562cbeeaed0ce28';
            key: {
              document_key: 'dca59ccc3bfd490a95249d5ae8cb3348';
              variable: '67400008676003007ba405225685efa4';
            };
          },
          {
            table: 'sys_variable_value';
            id: '8732c253ef6e401a9c4c994ce73d95d2';
            key: {
              document_key: '757e10df09cb40e0b33aa4182585f337';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_dictionary';
            id: '88433d3511fa4808ad01a60ba9984767';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'outcome';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '88804444cf334b1cb65ed7ad922f6ec5';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: '24af7887066d461788aa37e543a4b093';
            };
          },
          {
            table: 'sys_variable_value';
            id: '88f7130550e64602acb9894fc71e2d33';
            key: {
              document_key: 'fd61b0431d2940ffb9095660fc1b74df';
              variable: '52ed1e5b5360220002c6435723dc3421';
            };
          },
          {
            table: 'sys_choice';
            id: '8a10d6200802487587b72cd5ad714e7c';
            key: {
              name: 'x_closeloop_verdict';
              element: 'verdict';
              value: 'pass';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '8a399089d6244c1587aa446ff3b5868f';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: 'de8e8673ee84445b92a50f7596522fb4';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: '8b91e3efc2e3443796e42d76cbdaa577';
            key: {
              list_id: {
                id: 'de58d21e0b4341b3be6f0410d39fc7c1';
                key: {
                  name: 'x_closeloop_closure_audit';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'justification';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: '8c947effa3cf41979277495ad75e0eba';
            key: {
              list_id: {
                id: 'de58d21e0b4341b3be6f0410d39fc7c1';
                key: {
                  name: 'x_closeloop_closure_audit';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'detail';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '93beb680ef9f419c841a7f9ecb5e82c9';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d';
              id: 'dca59ccc3bfd490a95249d5ae8cb3348';
            };
          },
          {
            table: 'sys_variable_value';
            id: '957444717ce140949809819666daec94';
            key: {
              document_key: 'bab3b8cb3408473f875bd99869b721b0';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_variable_value';
            id: '95e7deaecc51452fada6276b0735ff02';
            key: {
              document_key: '66cc4d7c7aea41deb3e6452dcdf08e90';
              variable: '46dbcb535320220002c6435723dc3409';
            };
          },
          {
            table: 'sys_variable_value';
            id: '96bf04720e7048389989416879235904';
            key: {
              document_key: 'e7741f979eb348f5a101cd7c3f3f3055';
              variable: 'b27b2b29ff6033008d3f5d9ad53bf164';
            };
          },
          {
            table: 'sys_variable_value';
            id: '97681bcc4c8f46349e5db6c144dd886d';
            key: {
              document_key: 'dbf8f6b66e654d598201bc696189332f';
              variable: '52ed1e5b5360220002c6435723dc3421';
            };
          },
          {
            table: 'sys_variable_value';
            id: '9806e18f709a47c9b0baa892cf7f096f';
            key: {
              document_key: 'e3cd4593127e48f0b24de2b860438ff7';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_variable_value';
            id: '98d70403dc5d41e5bab1fef9edbe82fe';
            key: {
              document_key: '66cc4d7c7aea41deb3e6452dcdf08e90';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_variable_value';
            id: '9a022b371f0a4b78a65c3da9d4828523';
            key: {
              document_key: 'a7c98db716e143859c382137c8a2f41c';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_variable_value';
            id: '9a1cae6527c647959d24af6aa1c91b94';
            key: {
              document_key: '10f06912a81547da9dd482b4f9ba22fa';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_variable_value';
            id: '9af85cdea9ac4fb4919917e5b0ade596';
            key: {
              document_key: '494676a5c22d4713bc481e8f66e1d646';
              variable: '1985e0ceff2433008d3f5d9ad53bf1ba';
            };
          },
          {
            table: 'sys_variable_value';
            id: '9afe90a2dbb740fb93521fde5bdc5656';
            key: {
              document_key: 'afa171b223834725a7ea58a4ceb1db84';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_choice_set';
            id: '9cdcecc70bad44d198c784c107366be9';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'verdict';
            };
          },
          {
            table: 'sys_documentation';
            id: '9ce7c42a9e2b4193aef3ed2bc5d86578';
            key: {
              name: 'x_closeloop_verdict';
              element: 'correlation_id';
              language: 'en';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '9dd5486805fc4cde99043c4dbc7c4696';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: '3ce57f972b684ed695b6c36c43d7eaf7';
                key: {
                  name: 'itil';
                };
              };
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '9e8b0b7131554259a8a3472226426239';
            key: {
              sys_security_acl: '69870057aea14e009d85fb3bd1224600';
              sys_user_role: {
                id: '37e198175c0541b6915d8e3fd3a49902';
                key: {
                  name: 'admin';
                };
              };
            };
          },
          {
            table: 'sys_element_mapping';
            id: '9fbde95040ba4d6fb7c14456b53809d6';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: 'bab3b8cb3408473f875bd99869b721b0';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'a08f884d17ee485e879513a9a0af4e28';
            key: {
              document_key: '402702b4a53647af91f7db185a95c18a';
              variable: 'b86c0427531000109e02ddeeff7b1227';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'a0ce0071f9e14da48d1ee3e377764e6d';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'incident';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: 'a4992f0230fe46e6837bf6251263d5cf';
            key: {
              list_id: {
                id: 'de58d21e0b4341b3be6f0410d39fc7c1';
                key: {
                  name: 'x_closeloop_closure_audit';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'resolution_blocked';
            };
          },
          {
            table: 'sys_ui_action_role';
            id: 'a4b5e63dd6aa46ad91e73273591c3a18';
            key: {
              sys_ui_action: '3981f97df1dd40b99771c890398d8ab9';
              sys_user_role: {
                id: 'cd6781134e4b40ddb99aac307bcab15f';
                key: {
                  name: 'x_closeloop.closure_override';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'a5ec7a90712f45d1b26eecd319e38df9';
            key: {
              document_key: '75518a6483ba4ab388803ce0455f5df9';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'a7c8c79fa0ce468eae402ff14db911ee';
            key: {
              document_key: 'de8e8673ee84445b92a50f7596522fb4';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'aaa863733885498d965bb32eb6327041';
            key: {
              document_key: 'e3cd4593127e48f0b24de2b860438ff7';
              variable: '46dbcb535320220002c6435723dc3409';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'aab00d9967c24ff19ef09ad1c9da3ee4';
            key: {
              document_key: 'bab3b8cb3408473f875bd99869b721b0';
              variable: 'b86c0427531000109e02ddeeff7b1227';
            };
          },
          {
            table: 'sys_documentation';
            id: 'abe87d3db1714cccafc34bc8ec7d63c9';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'justification';
              language: 'en';
            };
          },
          {
            table: 'sys_documentation';
            id: 'abfd8d1561c042cbbe9c866065ff6741';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'user';
              language: 'en';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'ac324fc821ca4b338fa713974bb501fc';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: 'afa171b223834725a7ea58a4ceb1db84';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'ac81be7ad5644241a1b4e285d3c55395';
            key: {
              document_key: 'b1dbe149ad414a7f9714122bc7a000cf';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_choice';
            id: 'b0170d43c89b4637b0c2e524b29b518d';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'source';
              value: 'pushed';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_choice';
            id: 'b17e2708aa8a4c4ab849218a5a1fe4d7';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'source';
              value: 'live';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'b3ce38b1a5ca4682aa370466651cb09f';
            key: {
              document_key: '402702b4a53647af91f7db185a95c18a';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_choice';
            id: 'b6b3b34687ff42cc99690443a7daaf85';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'source';
              value: 'stub';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'b9a1c11912f4463fa74248a064bc0d31';
            key: {
              document_key: '66cc4d7c7aea41deb3e6452dcdf08e90';
              variable: 'bc4c43935320220002c6435723dc34a2';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'bac4731dee6a48c6af50aae17f92683d';
            key: {
              document_key: '402702b4a53647af91f7db185a95c18a';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_db_object';
            id: 'bba5749a4b484f0db71bc13c573ea18a';
            key: {
              name: 'incident';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'bbfc396c7f654b3e9c920fd76b2cbae3';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '2ea57cfae15a4e3fb9910cdcf15eb53f';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'bc19b399512c40f48c4c0a040bb2823b';
            key: {
              document_key: 'fd61b0431d2940ffb9095660fc1b74df';
              variable: 'ff6e125353a0220002c6435723dc3442';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'bc4073b3f5eb451c97b211e4006dae22';
            key: {
              document_key: 'd599389deef34fc2aaa0d8e41a33d42f';
              variable: 'b86c0427531000109e02ddeeff7b1227';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: 'bea21631ed154014988f131a06b24196';
            key: {
              list_id: {
                id: 'de58d21e0b4341b3be6f0410d39fc7c1';
                key: {
                  name: 'x_closeloop_closure_audit';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'verdict';
            };
          },
          {
            table: 'sys_user_role';
            id: 'bec0de7d56cf4c27ace3541c8c986733';
            key: {
              name: 'x_closeloop.connector';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: 'bee15c2eb43a4ef68b91af8ccfb74ad6';
            key: {
              list_id: {
                id: 'de58d21e0b4341b3be6f0410d39fc7c1';
                key: {
                  name: 'x_closeloop_closure_audit';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'outcome';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'bfb16756294f46afb2d4482965ff7aa4';
            key: {
              document_key: 'dca59ccc3bfd490a95249d5ae8cb3348';
              variable: '6aad5a575360220002c6435723dc34b0';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c1853cd6df7d44b0a8fd37992872987f';
            key: {
              document_key: 'a7c98db716e143859c382137c8a2f41c';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c49de83ed03646d481c9d583d8c2a6cb';
            key: {
              document_key: 'e3cd4593127e48f0b24de2b860438ff7';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'ua_table_licensing_config';
            id: 'c64b9520b9a54e618e3ea304f1333f27';
            key: {
              name: 'x_closeloop_verdict';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'c7774c55093845c8a81af30025bf916f';
            key: {
              name: 'x_closeloop_verdict';
              element: 'NULL';
            };
          },
          {
            table: 'sys_choice_set';
            id: 'c979dbb65dce4f7dbeba11ddc067e7f1';
            key: {
              name: 'x_closeloop_verdict';
              element: 'verdict';
            };
          },
          {
            table: 'sys_ui_list';
            id: 'ccf3c0776b3d41b9ba78902ea8504011';
            key: {
              name: 'x_closeloop_verdict';
              view: {
                id: 'Default view';
                key: {
                  name: 'NULL';
                };
              };
              sys_domain: 'global';
              element: 'NULL';
              relationship: 'NULL';
              parent: 'NULL';
            };
          },
          {
            table: 'sys_user_role';
            id: 'cd6781134e4b40ddb99aac307bcab15f';
            key: {
              name: 'x_closeloop.closure_override';
            };
          },
          {
            table: 'sys_documentation';
            id: 'cf38bb8ff1c048c9a28d9899cabb8de2';
            key: {
              name: 'incident';
              element: 'NULL';
              language: 'en';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'cf84fe01891945af888ae3671723e9b0';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'f724f2ef6f1b4e118ee2b65cf6f53bd6';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd15d18622e0349b4af082d3acd800759';
            key: {
              document_key: 'de8e8673ee84445b92a50f7596522fb4';
              variable: 'b86c0427531000109e02ddeeff7b1227';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: 'd2bbf07f898749aaa1877076915c5c95';
            key: {
              list_id: {
                id: 'ccf3c0776b3d41b9ba78902ea8504011';
                key: {
                  name: 'x_closeloop_verdict';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'correlation_id';
            };
          },
          {
            table: 'sys_documentation';
            id: 'd353cdc122184099ba03f11cfa314078';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'evaluated_at';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd36f2cf8829d46aeba8e143cd3e252be';
            key: {
              document_key: 'a7c98db716e143859c382137c8a2f41c';
              variable: '46dbcb535320220002c6435723dc3409';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'd4bdb53e714447af96e3c1131d376486';
            key: {
              sys_security_acl: 'e6b13f304c5a450095cc9e70e6a0012c';
              sys_user_role: {
                id: '37e198175c0541b6915d8e3fd3a49902';
                key: {
                  name: 'admin';
                };
              };
            };
          },
          {
            table: 'sys_dictionary';
            id: 'd5228148d4e244c2a8cef922cac8212e';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'detail';
            };
          },
          {
            table: 'sys_documentation';
            id: 'd5bd3530909842308a22b6eb2fa6a235';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'outcome';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd654fc8c46d0470cb2d834f0241f46ae';
            key: {
              document_key: '24af7887066d461788aa37e543a4b093';
              variable: '46dbcb535320220002c6435723dc3409';
            };
          },
          {
            table: 'sys_ui_action_role';
            id: 'd6580d1b3e1343a0b50beb14bc536b8e';
            deleted: true;
            key: {
              sys_ui_action: '8a389b21c7014cdca53b9d23a908c39e';
              sys_user_role: {
                id: '3ce57f972b684ed695b6c36c43d7eaf7';
                key: {
                  name: 'itil';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd9ac770941004e09ae3a1cf90a4e9edc';
            key: {
              document_key: 'e3cd4593127e48f0b24de2b860438ff7';
              variable: 'bc4c43935320220002c6435723dc34a2';
            };
          },
          {
            table: 'sys_documentation';
            id: 'd9e6f68143bc4d0f834a9a2c21a1537a';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'resolution_blocked';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'dcc7b9701e67479398a5002e6a6614c7';
            key: {
              document_key: 'de8e8673ee84445b92a50f7596522fb4';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'dd5e5b27b99d4aad993acb2522eeda05';
            key: {
              document_key: '1b645515bbb64913b85377a0c5596fcb';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_index';
            id: 'ddb52b20e2d14fc4be996e27203cd6d4';
            key: {
              logical_table_name: 'x_closeloop_closure_audit';
              col_name_string: 'incident';
            };
          },
          {
            table: 'sys_documentation';
            id: 'ddbfde458ebf45538e5469d0eca579bf';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'message';
              language: 'en';
            };
          },
          {
            table: 'sys_ui_list';
            id: 'de58d21e0b4341b3be6f0410d39fc7c1';
            key: {
              name: 'x_closeloop_closure_audit';
              view: {
                id: 'Default view';
                key: {
                  name: 'NULL';
                };
              };
              sys_domain: 'global';
              element: 'NULL';
              relationship: 'NULL';
              parent: 'NULL';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'df26fc6175e64b8b8b713072ffa692cf';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d';
              id: 'dbf8f6b66e654d598201bc696189332f';
            };
          },
          {
            table: 'sys_documentation';
            id: 'df59a58f168b4465a41d9334199c8286';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'incident';
              language: 'en';
            };
          },
          {
            table: 'sys_documentation';
            id: 'e18a036dca584d99926000289b22368e';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'NULL';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'e284ee0db7854c9ba96ab432a65ea01a';
            key: {
              document_key: '24af7887066d461788aa37e543a4b093';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'sys_documentation';
            id: 'e6a366fe31f94c018926b3023a77dc98';
            key: {
              name: 'x_closeloop_verdict';
              element: 'checks';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'e6e641f9e9fe449b90531c75b0d3fc82';
            key: {
              document_key: 'e3cd4593127e48f0b24de2b860438ff7';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'e87dbac26d0349fdbac8d65dd7bd01fc';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d';
              id: 'fd61b0431d2940ffb9095660fc1b74df';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'e9af3b93080f4227b19643211e14fcc9';
            key: {
              document_key: 'fd61b0431d2940ffb9095660fc1b74df';
              variable: '6aad5a575360220002c6435723dc34b0';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'eba239ef6d50476eb8efdb2216769182';
            key: {
              document_key: 'e7741f979eb348f5a101cd7c3f3f3055';
              variable: '6f69fc4aff6433008d3f5d9ad53bf18c';
            };
          },
          {
            table: 'sys_documentation';
            id: 'ec74f543515c4299ab177ab3fd67a5d3';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'verdict';
              language: 'en';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: 'ed776214feaa489d96bb5f3f3908a854';
            key: {
              list_id: {
                id: 'ccf3c0776b3d41b9ba78902ea8504011';
                key: {
                  name: 'x_closeloop_verdict';
                  view: {
                    id: 'Default view';
                    key: {
                      name: 'NULL';
                    };
                  };
                  sys_domain: 'global';
                  element: 'NULL';
                  relationship: 'NULL';
                  parent: 'NULL';
                };
              };
              element: 'sys_updated_on';
            };
          },
          {
            table: 'sys_choice';
            id: 'f02251ecd7f141689021b8b440f2db11';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'verdict';
              value: 'fail';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'ua_table_licensing_config';
            id: 'f08ffe55ad4441b29748c6d2437f5a3f';
            key: {
              name: 'x_closeloop_closure_audit';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'f2277116c40e4fc9b5322cf4da607d69';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: 'bec0de7d56cf4c27ace3541c8c986733';
                key: {
                  name: 'x_closeloop.connector';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f3387a782e9b4b0e8978673b307b667c';
            key: {
              document_key: 'f724f2ef6f1b4e118ee2b65cf6f53bd6';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f3e3cdc1f92844a481c04cfec025203b';
            key: {
              document_key: '75518a6483ba4ab388803ce0455f5df9';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f66cbbfc15bf4526920cfc8c4bf1cf42';
            key: {
              document_key: '69981e623f3f46edb9b4235c92121374';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f7573ef3862e46738c40cb868cfee6d0';
            key: {
              document_key: 'dca59ccc3bfd490a95249d5ae8cb3348';
              variable: 'cbddfa135320220002c6435723dc3415';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'f85064ef173644b3aff5d4d19f397051';
            key: {
              sys_security_acl: 'd48a7d9eb9c94f14a16e70e8c5f0f445';
              sys_user_role: {
                id: '37e198175c0541b6915d8e3fd3a49902';
                key: {
                  name: 'admin';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'fdf07cb0105c40ca803958aaeaf0ee0e';
            key: {
              document_key: '69981e623f3f46edb9b4235c92121374';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
        ];
      }
    }
  }
}
