import '@servicenow/sdk/global';

declare global {
  namespace Now {
    namespace Internal {
      interface Keys extends KeysRegistry {
        explicit: {
          'acl-ajax-execute': {
            table: 'sys_security_acl';
            id: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
          };
          'acl-audit-create': {
            table: 'sys_security_acl';
            id: 'd48a7d9eb9c94f14a16e70e8c5f0f445';
            deleted: true;
          };
          'acl-audit-create-deny': {
            table: 'sys_security_acl';
            id: '3d21a7372b4144ea808fd7355faeed7e';
          };
          'acl-audit-delete': {
            table: 'sys_security_acl';
            id: 'd2659657ce0b4fb49261c52485ff5e5e';
            deleted: true;
          };
          'acl-audit-delete-deny': {
            table: 'sys_security_acl';
            id: '4215d47eac6849b0b0c8b733efb0a617';
          };
          'acl-audit-read': {
            table: 'sys_security_acl';
            id: 'f6403db75a1740c7b7b29cecd29b4c52';
          };
          'acl-audit-write': {
            table: 'sys_security_acl';
            id: '69870057aea14e009d85fb3bd1224600';
            deleted: true;
          };
          'acl-audit-write-deny': {
            table: 'sys_security_acl';
            id: 'bad592220384482ca572a80cfcea9723';
          };
          'acl-change-correlation-display': {
            table: 'sys_security_acl';
            id: 'b0b4b06327f447539efa5d81c4cb92d6';
          };
          'acl-change-correlation-id': {
            table: 'sys_security_acl';
            id: '58de1babb851472182456beb4ded598b';
          };
          'acl-connector-state-read': {
            table: 'sys_security_acl';
            id: '00ec74d41a1240259d21770e548203d2';
          };
          'acl-connector-state-write': {
            table: 'sys_security_acl';
            id: 'a0e702aa348d4e8e8013e76a8a4242bb';
          };
          'acl-guarded-table-create': {
            table: 'sys_security_acl';
            id: '3db3571c6f4848bcb599ad6dcf848cd3';
          };
          'acl-guarded-table-delete': {
            table: 'sys_security_acl';
            id: '712f5133eb6c480b98281eb6b7451ac6';
          };
          'acl-guarded-table-read': {
            table: 'sys_security_acl';
            id: 'da4df089560447cfb9619f6417b007b1';
          };
          'acl-guarded-table-write': {
            table: 'sys_security_acl';
            id: '0b1023aa89b24d548a8fdfa2feb5c4df';
          };
          'acl-incident-correlation-display': {
            table: 'sys_security_acl';
            id: '555fceb753f64585874b5689d28c4cbb';
          };
          'acl-incident-correlation-id': {
            table: 'sys_security_acl';
            id: '8d4387c9e0f54537aa1fb0d35a4a7251';
          };
          'acl-override-create-deny': {
            table: 'sys_security_acl';
            id: '6cde2a05ac4e4f238519dbb1c3692393';
          };
          'acl-override-delete-deny': {
            table: 'sys_security_acl';
            id: '38ee617df76442039090d61c9eabefbe';
          };
          'acl-override-read': {
            table: 'sys_security_acl';
            id: 'b49e8c012b694867bfbdc64f5115a0a1';
          };
          'acl-override-write-deny': {
            table: 'sys_security_acl';
            id: '81ebfccfe9684292ba897bcb759af67f';
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
          'acl-wm-order-correlation-display': {
            table: 'sys_security_acl';
            id: '69d9100eb8b04f0aa9b072de829b9a75';
          };
          'acl-wm-order-correlation-id': {
            table: 'sys_security_acl';
            id: '944a2df42f7b4ac38707e6531dd520ea';
          };
          'acl-wm-task-correlation-display': {
            table: 'sys_security_acl';
            id: 'd3488e8e5db74f27a4f87c4a044c460f';
          };
          'acl-wm-task-correlation-id': {
            table: 'sys_security_acl';
            id: 'd9ab754e40744a588976707978a0a8cf';
          };
          'alias-connector': {
            table: 'sys_alias';
            id: '167640a81cc2456898797e750ae3923a';
          };
          'atf-guard-allow-mode': {
            table: 'sys_atf_test';
            id: '980f52b0a8c446348916caeb4815ee1b';
          };
          'atf-guard-allow-mode-audit': {
            table: 'sys_atf_step';
            id: 'e8c9d95671d047bfab476acb554d9d71';
          };
          'atf-guard-allow-mode-insert': {
            table: 'sys_atf_step';
            id: '8efc3487fdef43a6b289ab5f435b1acb';
          };
          'atf-guard-allow-mode-resolve': {
            table: 'sys_atf_step';
            id: '19172b4421bf4a5aac029aad757494fd';
          };
          'atf-guard-allow-mode-setup': {
            table: 'sys_atf_step';
            id: 'e93da930db8b4666899e74d16ed0aa70';
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
          'atf-guard-allows-on-pass-setup': {
            table: 'sys_atf_step';
            id: '8e6260ac24544623a675da78f01809cc';
          };
          'atf-guard-allows-on-pass-stub': {
            table: 'sys_atf_step';
            id: '2ea57cfae15a4e3fb9910cdcf15eb53f';
            deleted: true;
          };
          'atf-guard-blocks-on-fail': {
            table: 'sys_atf_test';
            id: '30d11d49c5274fdaab0ddee2b381f8f1';
          };
          'atf-guard-blocks-on-fail-audit': {
            table: 'sys_atf_step';
            id: 'd599389deef34fc2aaa0d8e41a33d42f';
          };
          'atf-guard-blocks-on-fail-event': {
            table: 'sys_atf_step';
            id: 'c47f941a9f13435fba58721239aad09d';
          };
          'atf-guard-blocks-on-fail-insert': {
            table: 'sys_atf_step';
            id: 'f7f07b0fa77d42afb2e3020f8e67da6f';
          };
          'atf-guard-blocks-on-fail-resolve': {
            table: 'sys_atf_step';
            id: '75518a6483ba4ab388803ce0455f5df9';
          };
          'atf-guard-blocks-on-fail-setup': {
            table: 'sys_atf_step';
            id: '8019fae3107b4280b23b28b36eea32c9';
          };
          'atf-guard-blocks-on-fail-still-open': {
            table: 'sys_atf_step';
            id: 'fd61b0431d2940ffb9095660fc1b74df';
          };
          'atf-guard-blocks-on-fail-stub': {
            table: 'sys_atf_step';
            id: 'ae2a43bd64b54a4a8da54320fbbd54fa';
            deleted: true;
          };
          'atf-guard-cancel-audit': {
            table: 'sys_atf_step';
            id: '2257905e7a7743b29f166578dcfd4d9b';
          };
          'atf-guard-cancel-audited': {
            table: 'sys_atf_test';
            id: '2e2643dec2084c838f7c8667a90a938d';
          };
          'atf-guard-cancel-cancel': {
            table: 'sys_atf_step';
            id: '8ebff2c465584c1fbc50431cea801884';
          };
          'atf-guard-cancel-insert': {
            table: 'sys_atf_step';
            id: '27db45f07a9a4c709c9bc46b2ba5b3c0';
          };
          'atf-guard-cancel-setup': {
            table: 'sys_atf_step';
            id: '238d5a05d452429cb05d1bd89e059f63';
          };
          'atf-guard-connector-resolve': {
            table: 'sys_atf_test';
            id: 'b6e1d9b8eddf44fab97de0d5066a5e24';
          };
          'atf-guard-connector-resolve-audit': {
            table: 'sys_atf_step';
            id: 'f1b534ae5fc84619aabe4e4b5c643f2e';
          };
          'atf-guard-connector-resolve-insert': {
            table: 'sys_atf_step';
            id: 'cc6b53e1d89c47d0a17b2bae74f05f4b';
          };
          'atf-guard-connector-resolve-resolve': {
            table: 'sys_atf_step';
            id: '2928565e8eeb49469c7a30666958ec44';
          };
          'atf-guard-connector-resolve-setup': {
            table: 'sys_atf_step';
            id: 'dbdd33b84eea4aeb9538d14bb2bbcf92';
          };
          'atf-guard-connector-resolve-user': {
            table: 'sys_atf_step';
            id: 'f23be0afe9fc4fc6a786b69a20a86c9a';
          };
          'atf-guard-correlation-tamper': {
            table: 'sys_atf_test';
            id: 'c359dc823cec4292863a6dfb21c94da1';
          };
          'atf-guard-correlation-tamper-audit': {
            table: 'sys_atf_step';
            id: '1dd8bad776414117968b94b64ec8dc2e';
          };
          'atf-guard-correlation-tamper-clear': {
            table: 'sys_atf_step';
            id: 'd69407578dcc41ab9f7f38b957dc033b';
          };
          'atf-guard-correlation-tamper-insert': {
            table: 'sys_atf_step';
            id: '2208df9330d34acf8cbfed890f80505e';
          };
          'atf-guard-correlation-tamper-resolve': {
            table: 'sys_atf_step';
            id: '576d6117c9a040f5924d2c8f54b91f47';
          };
          'atf-guard-correlation-tamper-setup': {
            table: 'sys_atf_step';
            id: '0b5ec70ab0014a268b6a825b6201fd65';
          };
          'atf-guard-correlation-tamper-unchanged': {
            table: 'sys_atf_step';
            id: '192f6dd1bb9241cf940aee747486e316';
          };
          'atf-guard-correlation-tamper-user': {
            table: 'sys_atf_step';
            id: '883b285cd9154c95bacbfb66d5f46381';
          };
          'atf-guard-form-check-click': {
            table: 'sys_atf_step';
            id: '8153a0fbc2604ff1b00d22cbbfaa4059';
          };
          'atf-guard-form-check-edit': {
            table: 'sys_atf_step';
            id: '4cf1f89dbe684419801821a71f87e6c4';
          };
          'atf-guard-form-check-hidden': {
            table: 'sys_atf_step';
            id: '36532cbb40464311be1d0cf36314869d';
          };
          'atf-guard-form-check-insert': {
            table: 'sys_atf_step';
            id: '29be7ce09a8a44e5b9cf073a8c0fd0b0';
          };
          'atf-guard-form-check-not-saved': {
            table: 'sys_atf_step';
            id: '6da761e959234d67bc056e564096ad67';
          };
          'atf-guard-form-check-open': {
            table: 'sys_atf_step';
            id: 'd052a2227c1f428e87d53b2794d09c0d';
          };
          'atf-guard-form-check-open-unguarded': {
            table: 'sys_atf_step';
            id: '9786058225064cbb8a9d1a93727e28f7';
          };
          'atf-guard-form-check-setup': {
            table: 'sys_atf_step';
            id: '7b82142462be48efa307c91f7aa4171a';
          };
          'atf-guard-form-check-still-edited': {
            table: 'sys_atf_step';
            id: '944af7bd07ae4a48ae9fa473b0e264b7';
          };
          'atf-guard-form-check-telemetry': {
            table: 'sys_atf_test';
            id: '7a95a4d4d4ee4ed286ffc6412689bc76';
          };
          'atf-guard-form-check-unguarded': {
            table: 'sys_atf_step';
            id: '7a0b2f57fdd743a08e91990734e37af2';
          };
          'atf-guard-form-check-user': {
            table: 'sys_atf_step';
            id: '244f549ed09f4ec29a07d1469f19f3b0';
          };
          'atf-guard-form-check-visible': {
            table: 'sys_atf_step';
            id: '54a8c11e80734d6e8844c52ba20e13ee';
          };
          'atf-guard-form-override-cancel': {
            table: 'sys_atf_test';
            id: '48e95b440b7349f9bc35769f05649aa6';
          };
          'atf-guard-form-override-click': {
            table: 'sys_atf_step';
            id: '881396abd9204eafbd52398b12882637';
          };
          'atf-guard-form-override-dialog-cancel': {
            table: 'sys_atf_step';
            id: 'e640bd0daf194ca6bfe5b7a18244dbc9';
          };
          'atf-guard-form-override-insert': {
            table: 'sys_atf_step';
            id: '05cbf559b682494ebaadaa04db1d63e9';
          };
          'atf-guard-form-override-not-mandatory': {
            table: 'sys_atf_step';
            id: 'af9b073256c844b4a582c596150d70ad';
          };
          'atf-guard-form-override-open': {
            table: 'sys_atf_step';
            id: '8b4d4e8cb6b14900a03b4b63b61aacf9';
          };
          'atf-guard-form-override-open-still': {
            table: 'sys_atf_step';
            id: '76cbd0b0afa74417982475c6fa6e810d';
          };
          'atf-guard-form-override-save': {
            table: 'sys_atf_step';
            id: '0920de4691cc4e82ba5d13f369aab2db';
          };
          'atf-guard-form-override-setup': {
            table: 'sys_atf_step';
            id: 'c5c4c31b161d49d490613d0ac3ad0df1';
          };
          'atf-guard-form-override-state': {
            table: 'sys_atf_step';
            id: '2125119c551040249dda9423d3451cb1';
          };
          'atf-guard-form-override-user': {
            table: 'sys_atf_step';
            id: '9e3bcf43b94344bbb12c1db646b27155';
          };
          'atf-guard-form-override-visible': {
            table: 'sys_atf_step';
            id: 'ebfe89caab364095ba724a3f9248101b';
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
          'atf-guard-ignores-close-setup': {
            table: 'sys_atf_step';
            id: '798882cfba5648e5b98575e0817089a0';
          };
          'atf-guard-ignores-close-stub': {
            table: 'sys_atf_step';
            id: 'f724f2ef6f1b4e118ee2b65cf6f53bd6';
            deleted: true;
          };
          'atf-guard-no-verdict-audit': {
            table: 'sys_atf_step';
            id: '6e365d616fd34af8a4ed85420b063271';
          };
          'atf-guard-no-verdict-blocks': {
            table: 'sys_atf_test';
            id: '6f7e59d8f506409280b2f47aa4e70742';
          };
          'atf-guard-no-verdict-insert': {
            table: 'sys_atf_step';
            id: '08522e9d64904c69b79a31e0790da341';
          };
          'atf-guard-no-verdict-resolve': {
            table: 'sys_atf_step';
            id: '040c1983e6174aea8413497a64adfb84';
          };
          'atf-guard-no-verdict-setup': {
            table: 'sys_atf_step';
            id: '4b94109b99e1486e9e423edd2ec071de';
          };
          'atf-guard-open-to-closed': {
            table: 'sys_atf_test';
            id: '32e459679ea844d4a0e143396073577b';
          };
          'atf-guard-open-to-closed-audit': {
            table: 'sys_atf_step';
            id: '717ac8183459448f893918be4727727f';
          };
          'atf-guard-open-to-closed-close': {
            table: 'sys_atf_step';
            id: 'a5f3f5c22ab745bda384dbf4309a9f3d';
          };
          'atf-guard-open-to-closed-insert': {
            table: 'sys_atf_step';
            id: '4ad7fbfac31c428ab1602ec071f43b0b';
          };
          'atf-guard-open-to-closed-setup': {
            table: 'sys_atf_step';
            id: 'e682480594754b3c924e2a81e987a7b5';
          };
          'atf-guard-open-to-closed-still-open': {
            table: 'sys_atf_step';
            id: '2a8488d73c6340e48b6c2f55a3462ea1';
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
          'atf-guard-override-needs-role-request': {
            table: 'sys_atf_step';
            id: 'b9db541f02404ffea94a4dbd9b5dfc78';
          };
          'atf-guard-override-needs-role-resolve': {
            table: 'sys_atf_step';
            id: '24af7887066d461788aa37e543a4b093';
          };
          'atf-guard-override-needs-role-setup': {
            table: 'sys_atf_step';
            id: 'c4c3b82670a14beeae5d22b3c75f50f6';
          };
          'atf-guard-override-needs-role-stub': {
            table: 'sys_atf_step';
            id: '69981e623f3f46edb9b4235c92121374';
            deleted: true;
          };
          'atf-guard-override-needs-role-user': {
            table: 'sys_atf_step';
            id: '494676a5c22d4713bc481e8f66e1d646';
          };
          'atf-guard-override-request': {
            table: 'sys_atf_step';
            id: '387b3cc060bb47b391f321817c21aa87';
          };
          'atf-guard-override-request-used': {
            table: 'sys_atf_step';
            id: '9c9ec10ff62943ea9c59816e4a3f344c';
          };
          'atf-guard-override-resolve': {
            table: 'sys_atf_step';
            id: 'e3cd4593127e48f0b24de2b860438ff7';
          };
          'atf-guard-override-resolved': {
            table: 'sys_atf_step';
            id: 'dbf8f6b66e654d598201bc696189332f';
          };
          'atf-guard-override-setup': {
            table: 'sys_atf_step';
            id: '3a8f6dea9a9d45d3a975f84202255536';
          };
          'atf-guard-override-stub': {
            table: 'sys_atf_step';
            id: 'b1dbe149ad414a7f9714122bc7a000cf';
            deleted: true;
          };
          'atf-guard-override-user': {
            table: 'sys_atf_step';
            id: 'e7741f979eb348f5a101cd7c3f3f3055';
          };
          'atf-guard-override-work-note': {
            table: 'sys_atf_step';
            id: 'acd93273f6bb4f5d9b042afa48b1c272';
          };
          'atf-guard-work-order': {
            table: 'sys_atf_test';
            id: '8460168adfb049bba3f2352db2f9ca58';
          };
          'atf-guard-work-order-run': {
            table: 'sys_atf_step';
            id: '9d2415b374bb467aaa24dd7bba9f10e7';
          };
          bom_json: {
            table: 'sys_module';
            id: '7708f74c1f4242ed8fccc31a094d1fc4';
          };
          'br-confirm-closures': {
            table: 'sys_script';
            id: '8c923f3d0748422caa760bf8bf00b2b8';
          };
          'br-guard-closures': {
            table: 'sys_script';
            id: 'f051b7a0689248b0aa2ad7088a276d45';
          };
          'br-guard-incident-resolution': {
            table: 'sys_script';
            id: 'cf8ced4413f94dd894d830f20a51d1d0';
            deleted: true;
          };
          'br-telemetry-status': {
            table: 'sys_script';
            id: 'eb595093bfa64427bb6568f12fa3f9b0';
          };
          'br-verdict-changed': {
            table: 'sys_script';
            id: 'f8450301f8b041da8b2288feb83d0b63';
          };
          'client-script-override-justification': {
            table: 'sys_script_client';
            id: '56ec17587493404588cf86d2e04284dc';
            deleted: true;
          };
          'client-script-telemetry-status': {
            table: 'sys_script_client';
            id: '9abf8f04d6754fb9967bb2a17d984e89';
          };
          'event-override-used': {
            table: 'sysevent_register';
            id: 'c3f47539ae214493a3113781f43a9af7';
          };
          'event-resolution-blocked': {
            table: 'sysevent_register';
            id: 'd86e2011a36e4d8eae6240bc65199a3b';
          };
          'event-verdict-changed': {
            table: 'sysevent_register';
            id: '84e1a4cc6de847598d18337a006a1383';
          };
          'guard-br': {
            table: 'sys_script';
            id: '33adc444b18d4477bf35c8a351e78095';
            deleted: true;
          };
          'guarded-table-change-request': {
            table: 'x_closeloop_guarded_table';
            id: '23bc65a022d34c4e9d3e0144794cb495';
          };
          'guarded-table-incident': {
            table: 'x_closeloop_guarded_table';
            id: '74b47abaf03648eeab9d4a14a258eec8';
          };
          'guarded-table-ot-incident': {
            table: 'x_closeloop_guarded_table';
            id: '21437cf65332488c97036161685fc75a';
          };
          'guarded-table-wm-order': {
            table: 'x_closeloop_guarded_table';
            id: '073b516f719548d28caad92ca32afdcf';
          };
          'guarded-table-wm-task': {
            table: 'x_closeloop_guarded_table';
            id: '303c89f9321d4f8f8fca78d41f95ad89';
          };
          'incident-closure-audit-related-list': {
            table: 'sys_ui_related_list_entry';
            id: '13d08beab16b4d4784e520e7df3da0c2';
            deleted: true;
          };
          'incident-related-lists': {
            table: 'sys_ui_related_list';
            id: '62e130f364e44809a7a74af090cf6462';
            deleted: true;
          };
          'menu-closeloop': {
            table: 'sys_app_application';
            id: '967750f122e24debb24da02ab3a78bed';
          };
          'module-audit': {
            table: 'sys_app_module';
            id: 'dabae266c10f4a6cac6152bcde9ae8d3';
          };
          'module-blocks-overrides': {
            table: 'sys_app_module';
            id: 'b35def864aac4911a5782fc6165ac8ee';
          };
          'module-connector-state': {
            table: 'sys_app_module';
            id: '5fb87638c7b541ee8c578dbce7f737e8';
          };
          'module-guarded-tables': {
            table: 'sys_app_module';
            id: 'ab60fb2557584bfe82421fe3a8f336ff';
          };
          'module-override-requests': {
            table: 'sys_app_module';
            id: '1f3417de213a40b282084cade8091173';
          };
          'module-properties': {
            table: 'sys_app_module';
            id: 'b0aeee9fe80544aeb54a245e43aa0488';
          };
          'module-separator-admin': {
            table: 'sys_app_module';
            id: 'dc0850bee158479ca844010a88258c25';
          };
          'module-verdicts': {
            table: 'sys_app_module';
            id: '34305c968b954ab8bbe52f90ad0b65f8';
          };
          'notification-override-used': {
            table: 'sysevent_email_action';
            id: '3f2209674a204af3b97ef6d8f8f9406a';
          };
          'notification-resolution-blocked': {
            table: 'sysevent_email_action';
            id: 'b6e75959639747e6ac200d11f791b677';
          };
          package_json: {
            table: 'sys_module';
            id: '27dcaeaea5b14a8db8c92d2ca07e1f4c';
          };
          'properties-category': {
            table: 'sys_properties_category';
            id: '5f4b40be67e44c5db12bb58b4a05c0f3';
          };
          'properties-category-breaker': {
            table: 'sys_properties_category_m2m';
            id: 'e912b5f3dae84fa6b8f3aeff1184a706';
          };
          'properties-category-breaker-open': {
            table: 'sys_properties_category_m2m';
            id: '00574e04f09349239a5bbc3d8fca2d23';
          };
          'properties-category-cancel': {
            table: 'sys_properties_category_m2m';
            id: 'cf044edbd4694ee68fcbfe9530b6932d';
          };
          'properties-category-ci-classes': {
            table: 'sys_properties_category_m2m';
            id: '410d5a897c50424e894297b19c9c0f8c';
          };
          'properties-category-display': {
            table: 'sys_properties_category_m2m';
            id: 'e65d48ddbbb84a2aa61f8ef90d6dcbd5';
          };
          'properties-category-fail-mode': {
            table: 'sys_properties_category_m2m';
            id: '854ba41ac1e84db9b04c2b3079f96cb7';
          };
          'properties-category-key': {
            table: 'sys_properties_category_m2m';
            id: 'c03272315185455a9ae24b0b08e2a6b6';
          };
          'properties-category-max-calls': {
            table: 'sys_properties_category_m2m';
            id: '08f17dd717d24addbe3ae92f927b1095';
          };
          'properties-category-mid': {
            table: 'sys_properties_category_m2m';
            id: '1655af256236478d9d15c91d27421b31';
          };
          'properties-category-pushed-age': {
            table: 'sys_properties_category_m2m';
            id: '782501b5c36a447284d27a15dd0c9a41';
          };
          'properties-category-timeout': {
            table: 'sys_properties_category_m2m';
            id: '2ceed9617b7943c39dab339d23e48d18';
          };
          'properties-category-url': {
            table: 'sys_properties_category_m2m';
            id: '846f6ec958cc49b1b2e191ca7d979df6';
          };
          'property-breaker-failures': {
            table: 'sys_properties';
            id: '2fbcc1b0ef624038a51508968f36b518';
          };
          'property-breaker-open-seconds': {
            table: 'sys_properties';
            id: 'ed7a926076474570b1dc995963d04faa';
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
            deleted: true;
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
          'property-guard-cancel': {
            table: 'sys_properties';
            id: 'd179d8ef98724f0e9f447e70359d0161';
          };
          'property-guarded-ci-classes': {
            table: 'sys_properties';
            id: '6daf53438d084c56897118354cb15f4d';
          };
          'property-guarded-correlation-display': {
            table: 'sys_properties';
            id: '46e551b091914178992ee265dfe78a73';
          };
          'property-max-live-calls': {
            table: 'sys_properties';
            id: '03b2f60c2b0847e3abf0faeea437a9f7';
          };
          'property-pushed-max-age': {
            table: 'sys_properties';
            id: '17acd1bcb5c247998d8dc89973953531';
          };
          'relationship-verdict': {
            table: 'sys_relationship';
            id: '36ee46c6d4844c9c8762fc481502578b';
          };
          'report-blocks-by-group': {
            table: 'sys_report';
            id: '279387ed929145d494b89bb7c8ae1c5e';
          };
          'report-overrides-by-group': {
            table: 'sys_report';
            id: '19c5f8527a594147bcf482dd0489a93e';
          };
          'retention-audit': {
            table: 'sys_auto_flush';
            id: '590899fc79f1425380a9e622d5314bc2';
          };
          'retention-override-requests': {
            table: 'sys_auto_flush';
            id: 'ae4c98cd903441ffa1786e6e3f519176';
          };
          'retention-verdicts': {
            table: 'sys_auto_flush';
            id: 'cc10c9374c6947d780a32b804061cb5a';
          };
          'script-include-closure-guard-ajax': {
            table: 'sys_script_include';
            id: '4b4fd57af0c54c31bc9339215def8afd';
          };
          'script-include-closure-guard-ui': {
            table: 'sys_script_include';
            id: '891bd1a02158488e950ae5f42570fcc1';
          };
          src_server_closure_breaker_ts: {
            table: 'sys_module';
            id: 'cf94ea56b14648a2aedde65036a2f422';
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
            deleted: true;
          };
          'src_server_closure_guarded-tables_ts': {
            table: 'sys_module';
            id: 'acacfc6112dd4cce82b47e5e650994b2';
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
          src_server_closure_subject_ts: {
            table: 'sys_module';
            id: '2b6addecc8aa4da38f8849a1f6a4c361';
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
            deleted: true;
          };
          'src_server_entry_closure-ajax_ts': {
            table: 'sys_module';
            id: '5cf15b7680794a1cbded26c8f3a4239e';
          };
          'src_server_entry_confirm-closure_ts': {
            table: 'sys_module';
            id: '60f02ebd60e54a489719b00b752905d9';
          };
          'src_server_entry_correlation-acl_ts': {
            table: 'sys_module';
            id: '315c41571ea045709c80e5fc8c154715';
          };
          'src_server_entry_form-status_ts': {
            table: 'sys_module';
            id: '7f9aee86169642cbbd5cb9e48e0175a3';
          };
          'src_server_entry_guard-closure_ts': {
            table: 'sys_module';
            id: 'fe7b0febc887407c8c920004e6d2a445';
          };
          'src_server_entry_guard-resolution_ts': {
            table: 'sys_module';
            id: '8234efe96d204adb94a1c7b1d02415ae';
            deleted: true;
          };
          'src_server_entry_resolve-despite-telemetry_ts': {
            table: 'sys_module';
            id: 'a88300f812184120af010221f3009697';
          };
          'src_server_entry_ui-conditions_ts': {
            table: 'sys_module';
            id: '64d00b5e11764b23ac4de7b628553a71';
          };
          'src_server_entry_verdict-changed_ts': {
            table: 'sys_module';
            id: '89d04b8e53cf4dc8b9488b0a90c5f1d4';
          };
          'src_server_glide_audit-log_ts': {
            table: 'sys_module';
            id: '302d998925734eeba18c5ded2cb8328e';
          };
          src_server_glide_cmdb_ts: {
            table: 'sys_module';
            id: '7cab1c99521e44baad1ea2b81f4a67ca';
          };
          src_server_glide_connection_ts: {
            table: 'sys_module';
            id: '838d703e428f47bab2737cbbf1fbce96';
          };
          'src_server_glide_connector-client_ts': {
            table: 'sys_module';
            id: '74d35cc49d264bb3ac75bb2a180dd185';
          };
          'src_server_glide_connector-state_ts': {
            table: 'sys_module';
            id: 'b218b9a623d14d018f16f64ab17b3a9f';
          };
          src_server_glide_environment_ts: {
            table: 'sys_module';
            id: 'caa1482d9ad24c4db18361f01c18542c';
          };
          src_server_glide_events_ts: {
            table: 'sys_module';
            id: '01308cae7186474383fea4c4a0251149';
          };
          'src_server_glide_guarded-table-store_ts': {
            table: 'sys_module';
            id: 'b1efc12b5b764573bffd24a55ce25515';
          };
          'src_server_glide_incident-record_ts': {
            table: 'sys_module';
            id: 'cc7200d88abd404ca59f677abe8de12a';
            deleted: true;
          };
          'src_server_glide_mid-server_ts': {
            table: 'sys_module';
            id: '789b1488575741ff82b7822de7750cff';
          };
          'src_server_glide_override-store_ts': {
            table: 'sys_module';
            id: '91afd6a994ab4a448d360604b4777deb';
          };
          src_server_glide_properties_ts: {
            table: 'sys_module';
            id: 'afee6ae109dc40b38e91b911804ec0c8';
          };
          src_server_glide_record_ts: {
            table: 'sys_module';
            id: 'a27b6ab59339408d837b5f16a5796909';
          };
          'src_server_glide_secure-record_ts': {
            table: 'sys_module';
            id: '775b6eeb9e1043f6a37147894bca34a9';
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
          'xscope-ajax-processor': {
            table: 'sys_scope_privilege';
            id: '99346f05ff4c48c486a8d4f960c4bba2';
          };
          'xscope-change-read': {
            table: 'sys_scope_privilege';
            id: '36036a99c2154da7a6b8fd7ee5f2a6f5';
          };
          'xscope-change-write': {
            table: 'sys_scope_privilege';
            id: '0624246dfbdb492892676811ba37cb40';
          };
          'xscope-cmdb-ci-read': {
            table: 'sys_scope_privilege';
            id: '8a5b0234d0b94ad2881c3189f7b39509';
          };
          'xscope-ecc-agent-read': {
            table: 'sys_scope_privilege';
            id: '638600b62ba7449aabf06d349e2f3ab8';
          };
          'xscope-group-read': {
            table: 'sys_scope_privilege';
            id: 'a93883bfb7f04a5e87c7ddc4cde5a6a9';
          };
          'xscope-incident-read': {
            table: 'sys_scope_privilege';
            id: '628880f29dac4c05b271fcbefb405278';
          };
          'xscope-incident-write': {
            table: 'sys_scope_privilege';
            id: 'a731b84f19664c99bd81f256a47eee93';
          };
          'xscope-journal-read': {
            table: 'sys_scope_privilege';
            id: 'e1fab20673c347c8a7a3fa9bb0d098f0';
          };
          'xscope-ot-incident-read': {
            table: 'sys_scope_privilege';
            id: '0e091e3a5aec4b49a782496f8e876d74';
          };
          'xscope-ot-incident-write': {
            table: 'sys_scope_privilege';
            id: '1477e07d3e554d63a6d93e156887a954';
          };
          'xscope-sysevent-read': {
            table: 'sys_scope_privilege';
            id: 'd920018742fe49f5bca83b7eb7660234';
          };
          'xscope-task-read': {
            table: 'sys_scope_privilege';
            id: 'bd015c614df34e1fb2d20a0bdda28350';
          };
          'xscope-task-write': {
            table: 'sys_scope_privilege';
            id: '924d85864c254456afbb13f231f21ebb';
          };
          'xscope-wm-order-read': {
            table: 'sys_scope_privilege';
            id: 'f0625c72a3184ddf810dd078adfd3380';
          };
          'xscope-wm-order-write': {
            table: 'sys_scope_privilege';
            id: '736580caa49c418eac1442574d0d56b0';
          };
          'xscope-wm-task-read': {
            table: 'sys_scope_privilege';
            id: 'a767e4a85ff7431ab50af1001741349b';
          };
          'xscope-wm-task-write': {
            table: 'sys_scope_privilege';
            id: '43276438b28645dc9bb41fe3f2a02499';
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
            table: 'sys_dictionary';
            id: '00a88a27b39342c9b6b796a3ed4f513e';
            key: {
              name: 'x_closeloop_override_request';
              element: 'justification';
            };
          },
          {
            table: 'sys_variable_value';
            id: '012ab3afbcae4865802b7ca4ae12f077';
            key: {
              document_key: '4ad7fbfac31c428ab1602ec071f43b0b';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_variable_value';
            id: '01621d935d8d48c79c014feda1feb8fb';
            key: {
              document_key: '8b4d4e8cb6b14900a03b4b63b61aacf9';
              variable: 'ad351a4e53a0220002c6435723dc34f0';
            };
          },
          {
            table: 'sys_variable_value';
            id: '01c362c2d1da431fb0fb7654c388306f';
            key: {
              document_key: '76cbd0b0afa74417982475c6fa6e810d';
              variable: '52ed1e5b5360220002c6435723dc3421';
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
            deleted: true;
            key: {
              document_key: 'b1dbe149ad414a7f9714122bc7a000cf';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_documentation';
            id: '04100965d3ec441c8d9c4c2b10b8758b';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'to_state';
              language: 'en';
            };
          },
          {
            table: 'sys_documentation';
            id: '0456f628f0364187b9ac9373dc546985';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'closing_states';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '045839356a8f46a293feeb660451bfb6';
            key: {
              document_key: 'dbdd33b84eea4aeb9538d14bb2bbcf92';
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
            table: 'sys_variable_value';
            id: '05852f72f31042bba8473c1eebbd869a';
            key: {
              document_key: '19172b4421bf4a5aac029aad757494fd';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '058cb99f2b9740e39dfecb0dd7a7c7bd';
            key: {
              sys_security_acl: '00ec74d41a1240259d21770e548203d2';
              sys_user_role: {
                id: '44b6b123441e485c91c740c6cbb5d9b4';
                key: {
                  name: 'x_closeloop.admin';
                };
              };
            };
          },
          {
            table: 'sys_element_mapping';
            id: '05e541a8e8c742089782cacde16a397b';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d';
              id: '192f6dd1bb9241cf940aee747486e316';
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
            id: '06847045ca79460aab59cfd2b4f8f03c';
            key: {
              document_key: 'e640bd0daf194ca6bfe5b7a18244dbc9';
              variable: '6354395e6761130091d005225685ef4e';
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
            table: 'sys_ui_list_element';
            id: '0697732b0ddf40388ae69b9a6a2172c4';
            key: {
              list_id: {
                id: 'b883943372174cb7af7af008489b22d7';
                key: {
                  name: 'x_closeloop_guarded_table';
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
              element: 'own_correlation';
            };
          },
          {
            table: 'sys_variable_value';
            id: '0909207fd37a46a992a4fea856340b42';
            key: {
              document_key: '0920de4691cc4e82ba5d13f369aab2db';
              variable: 'c796d40497302200abe4bb7503ac4ad8';
            };
          },
          {
            table: 'sys_dictionary';
            id: '090c6bc5ae874a57a3e87c53e1fab96f';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'assignment_group';
            };
          },
          {
            table: 'sys_variable_value';
            id: '09c8e859b35f40248c6f257e2a24260e';
            deleted: true;
            key: {
              document_key: 'ae2a43bd64b54a4a8da54320fbbd54fa';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '0aec931f7075498792eb447bdba15109';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_5f2e0e535332120028bc29cac2dc34d3';
              id: 'd052a2227c1f428e87d53b2794d09c0d';
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
            table: 'sys_variable_value';
            id: '0cd52edf682948549c65584d1a33c8bd';
            key: {
              document_key: 'acd93273f6bb4f5d9b042afa48b1c272';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_variable_value';
            id: '0d0e3ec6e0134a89b9a3220a04d2a057';
            key: {
              document_key: '27db45f07a9a4c709c9bc46b2ba5b3c0';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_variable_value';
            id: '0d64743c22fe4467a3160f353cf0bbf3';
            key: {
              document_key: '9d2415b374bb467aaa24dd7bba9f10e7';
              variable: '989d9e235324220002c6435723dc3484';
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
            table: 'sys_variable_value';
            id: '0e4a6a9a284144979139338af6c86653';
            key: {
              document_key: '2928565e8eeb49469c7a30666958ec44';
              variable: 'bc4c43935320220002c6435723dc34a2';
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
            id: '0edfbcb8c22944fe92ad55db83a69811';
            key: {
              document_key: '05cbf559b682494ebaadaa04db1d63e9';
              variable: '9024a37f671003007ba405225685efe5';
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
            table: 'sys_variable_value';
            id: '0f1d444b017e47178a6f3c9b226181ec';
            key: {
              document_key: '9c9ec10ff62943ea9c59816e4a3f344c';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_variable_value';
            id: '0f24092efb584aef849d62b8425f04d3';
            key: {
              document_key: '54a8c11e80734d6e8844c52ba20e13ee';
              variable: 'bc43e004c76733005e5c45b881c26046';
            };
          },
          {
            table: 'sys_dictionary';
            id: '0fb91e714c6e4c17be79b3795668f80b';
            deleted: true;
            key: {
              name: 'incident';
              element: 'x_closeloop_override_justification';
            };
          },
          {
            table: 'sys_variable_value';
            id: '1010db4d7b264e7b83dfec040a0c0482';
            key: {
              document_key: 'f23be0afe9fc4fc6a786b69a20a86c9a';
              variable: '98c44875ffa033008d3f5d9ad53bf1fa';
            };
          },
          {
            table: 'sys_variable_value';
            id: '1045b2973e924f7eb03cfff2f6cd90c5';
            key: {
              document_key: 'acd93273f6bb4f5d9b042afa48b1c272';
              variable: 'b86c0427531000109e02ddeeff7b1227';
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
            table: 'sys_variable_value';
            id: '106c8eb0bb7140f68e6801cf93b4c178';
            key: {
              document_key: '9786058225064cbb8a9d1a93727e28f7';
              variable: '17d732a9c7a333005e5c45b881c26007';
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
            id: '10fe6ac3cda84a60bb0d98e1e5712932';
            key: {
              document_key: '9e3bcf43b94344bbb12c1db646b27155';
              variable: '1778a7480f20101091d0f00c97767e03';
            };
          },
          {
            table: 'sys_choice';
            id: '1100368feef24d24b4fcfffa35d4dd42';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'fail_mode';
              value: 'allow';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_variable_value';
            id: '118d6323abd240079789b9faf59e171d';
            key: {
              document_key: '040c1983e6174aea8413497a64adfb84';
              variable: 'bc4c43935320220002c6435723dc34a2';
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
            table: 'ua_table_licensing_config';
            id: '1459a7dd5c1c427dbf5c29c9424c41b6';
            key: {
              name: 'x_closeloop_override_request';
            };
          },
          {
            table: 'sys_choice';
            id: '145e94ece9eb40fb9d36033003728da3';
            key: {
              name: 'x_closeloop_override_request';
              element: 'status';
              value: 'superseded';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_variable_value';
            id: '14769399227d406b948424fea72703af';
            key: {
              document_key: 'f23be0afe9fc4fc6a786b69a20a86c9a';
              variable: 'b27b2b29ff6033008d3f5d9ad53bf164';
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
            id: '15e0668fe5d64c62a573cdfb54a72515';
            key: {
              document_key: '883b285cd9154c95bacbfb66d5f46381';
              variable: 'ff06ab840f20101091d0f00c97767e6d';
            };
          },
          {
            table: 'sys_variable_value';
            id: '164f90608d5d4429b1f9035747634c75';
            key: {
              document_key: 'f1b534ae5fc84619aabe4e4b5c643f2e';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_variable_value';
            id: '166e951225804558b7005bffd3a4522a';
            key: {
              document_key: '36532cbb40464311be1d0cf36314869d';
              variable: 'bc43e004c76733005e5c45b881c26046';
            };
          },
          {
            table: 'sys_variable_value';
            id: '168de34c27584306a470f701a79a5b48';
            key: {
              document_key: '881396abd9204eafbd52398b12882637';
              variable: '3eee292353e0220002c6435723dc343c';
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
            deleted: true;
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
            id: '1876c483d1ff4a3b961ea8189844b666';
            key: {
              document_key: 'e640bd0daf194ca6bfe5b7a18244dbc9';
              variable: 'a325ae60c3302200f25d174292d3aebf';
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
            table: 'sys_security_acl_role';
            id: '1938b1750dfb4cfa86ee69c893cdcc93';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: '82e73cb6c8c248709c4025207bf94370';
                key: {
                  name: 'x_closeloop.auditor';
                };
              };
            };
          },
          {
            table: 'sys_dictionary';
            id: '1ac9d0444c8641deb7930adae5705862';
            key: {
              name: 'x_closeloop_connector_state';
              element: 'open_until_ms';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '1b62cf7c89c04120a992fc77cf0ac2b5';
            key: {
              sys_security_acl: 'b49e8c012b694867bfbdc64f5115a0a1';
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
            id: '1bead7ee93e84d1d8243bd1caac3133b';
            key: {
              document_key: 'a5f3f5c22ab745bda384dbf4309a9f3d';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'sys_variable_value';
            id: '1c03300992754e7e96ac0c63faa2d556';
            key: {
              document_key: '9c9ec10ff62943ea9c59816e4a3f344c';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_variable_value';
            id: '1da8a94b4eec42d7aae61a8bb3422633';
            key: {
              document_key: 'c4c3b82670a14beeae5d22b3c75f50f6';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: '1dbb0d2bbbb54c098e42403caf116fc1';
            key: {
              document_key: '238d5a05d452429cb05d1bd89e059f63';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_choice';
            id: '1e2638b0d1c04b54afa031076ab5fbd5';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'fail_mode';
              value: 'inherit';
              language: 'en';
              dependent_value: 'NULL';
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
            table: 'sys_variable_value';
            id: '1f05e61c554b45c588cc4b4ba8f3d323';
            key: {
              document_key: '881396abd9204eafbd52398b12882637';
              variable: '7c5f6d2353e0220002c6435723dc34f6';
            };
          },
          {
            table: 'sys_variable_value';
            id: '1f47764553584399abeee15658137fff';
            key: {
              document_key: '798882cfba5648e5b98575e0817089a0';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_ui_action_role';
            id: '1f947fb7bca54fbdb3d47f41817227a9';
            key: {
              sys_ui_action: '8a389b21c7014cdca53b9d23a908c39e';
              sys_user_role: {
                id: 'cd6781134e4b40ddb99aac307bcab15f';
                key: {
                  name: 'x_closeloop.closure_override';
                };
              };
            };
          },
          {
            table: 'sys_element_mapping';
            id: '204e047baed048a4b08f4522c73a933a';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d';
              id: '76cbd0b0afa74417982475c6fa6e810d';
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
            table: 'sys_variable_value';
            id: '20d835baadba47ba8d66dfb4d4b06510';
            key: {
              document_key: '2a8488d73c6340e48b6c2f55a3462ea1';
              variable: 'cbddfa135320220002c6435723dc3415';
            };
          },
          {
            table: 'sys_variable_value';
            id: '216f4cfb2ea24b53988bbb76d4e8f003';
            key: {
              document_key: '19172b4421bf4a5aac029aad757494fd';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'sys_variable_value';
            id: '21a28bd973dc400cb4506bbfca3ece5f';
            key: {
              document_key: 'cc6b53e1d89c47d0a17b2bae74f05f4b';
              variable: 'e6e3c7535320220002c6435723dc3496';
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
            deleted: true;
            key: {
              document_key: '2ea57cfae15a4e3fb9910cdcf15eb53f';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_documentation';
            id: '22e8d62e729743909033d939c96a875e';
            key: {
              name: 'x_closeloop_override_request';
              element: 'table_name';
              language: 'en';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '22e9d54fc4e54981a06f26ea6ec03aa7';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'e682480594754b3c924e2a81e987a7b5';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '23cfa892f4134dbaba5c37854bab4893';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '7b82142462be48efa307c91f7aa4171a';
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
            table: 'sys_variable_value';
            id: '24cf4be4216a4a7aac0970e86bf1406e';
            key: {
              document_key: '6e365d616fd34af8a4ed85420b063271';
              variable: 'b86c0427531000109e02ddeeff7b1227';
            };
          },
          {
            table: 'sys_dictionary';
            id: '2547d2a679534fa79282e000b04f8572';
            deleted: true;
            key: {
              name: 'incident';
              element: 'x_closeloop_override_requested';
            };
          },
          {
            table: 'sys_variable_value';
            id: '25cf29f654ac484fa55dc185b9f25ef8';
            key: {
              document_key: 'af9b073256c844b4a582c596150d70ad';
              variable: 'b1fefcde73633300b19898b8caf6a7af';
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
            id: '26b4798e12e24fab9416b473125c2ab4';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: '8ebff2c465584c1fbc50431cea801884';
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
            id: '27779498fc7349ed8b2381cabb23aeca';
            key: {
              document_key: '192f6dd1bb9241cf940aee747486e316';
              variable: '6aad5a575360220002c6435723dc34b0';
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
            table: 'sys_ui_list_element';
            id: '283ecfec9b8f48558302aad1b0962426';
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
              element: 'number';
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
            table: 'sys_documentation';
            id: '2ad4badf4be548ff85a1225e1b99fa5b';
            key: {
              name: 'x_closeloop_override_request';
              element: 'requested_at';
              language: 'en';
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
            table: 'sys_variable_value';
            id: '2ba8c7a1c70e4d31b8710b135e0c7df1';
            key: {
              document_key: '8ebff2c465584c1fbc50431cea801884';
              variable: '46dbcb535320220002c6435723dc3409';
            };
          },
          {
            table: 'sys_variable_value';
            id: '2bd34e7c07b3418dab6cb9e67b58537a';
            key: {
              document_key: '387b3cc060bb47b391f321817c21aa87';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: '2c63bff284184e81b06b240a3bd38b44';
            key: {
              document_key: '8b4d4e8cb6b14900a03b4b63b61aacf9';
              variable: '74d6e7a0a3023110571967d1361e616b';
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
            table: 'sys_variable_value';
            id: '2cb7f2f022864637a3b7019eaf09c62f';
            key: {
              document_key: '944af7bd07ae4a48ae9fa473b0e264b7';
              variable: 'c83b5337e7633300e12127d8d2f6a98b';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '2cf253d0a7c7431783f4170a1cf53758';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '0b5ec70ab0014a268b6a825b6201fd65';
            };
          },
          {
            table: 'sys_documentation';
            id: '2e8a3fba63364255940c8daa252eec66';
            deleted: true;
            key: {
              name: 'incident';
              element: 'x_closeloop_override_justification';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '2eb0e370164d4c0abe95035244093763';
            key: {
              document_key: '717ac8183459448f893918be4727727f';
              variable: '02fb0027531000109e02ddeeff7b120b';
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
            table: 'sys_element_mapping';
            id: '2fdbe51974894609826fba47180e216a';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '798882cfba5648e5b98575e0817089a0';
            };
          },
          {
            table: 'sys_documentation';
            id: '301f623e04f946ecb756ac743c924e18';
            deleted: true;
            key: {
              name: 'incident';
              element: 'x_closeloop_override_requested';
              language: 'en';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '30329b1a533d48bb9bbce34d86ed3238';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: 'ba8b2f6dc0944219b48e5aeaa4651722';
                key: {
                  name: 'wm_agent';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: '304cad1f76bf4151987e223d1100e759';
            key: {
              document_key: 'af9b073256c844b4a582c596150d70ad';
              variable: '0cd9df135320220002c6435723dc3426';
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
            table: 'sys_security_acl_role';
            id: '30b72f1d68654824bd8919442c13a563';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
              sys_user_role: {
                id: '3ce57f972b684ed695b6c36c43d7eaf7';
                key: {
                  name: 'itil';
                };
              };
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
            table: 'sys_dictionary';
            id: '31352ff530cd449594c0e9222e9247da';
            key: {
              name: 'x_closeloop_override_request';
              element: 'audit';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '3265673c5baf4dbd9c43007e91aaecf6';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: '690ee969aacf4aa19ed91159d731e4f3';
                key: {
                  name: 'sn_change_write';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: '329dfdb342d4434fa63566d77e7427cb';
            key: {
              document_key: '19172b4421bf4a5aac029aad757494fd';
              variable: 'bc4c43935320220002c6435723dc34a2';
            };
          },
          {
            table: 'sys_documentation';
            id: '32cace166d3240959203b68e64ea5ce2';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'table_name';
              language: 'en';
            };
          },
          {
            table: 'sys_dictionary';
            id: '333150ecba884c82bf8d180d2da2a413';
            key: {
              name: 'x_closeloop_connector_state';
              element: 'name';
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
            id: '35d1bb1147414713a933d0f1c19042ee';
            key: {
              document_key: '54a8c11e80734d6e8844c52ba20e13ee';
              variable: 'ba62b4075320220002c6435723dc34b9';
            };
          },
          {
            table: 'sys_variable_value';
            id: '35f2790da77b4c9f94b4dae43de52073';
            key: {
              document_key: '576d6117c9a040f5924d2c8f54b91f47';
              variable: '46dbcb535320220002c6435723dc3409';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '369125743ece46e5a163fd039a62c1e3';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: '27fff301c2a742cd83c187194a5d6579';
                key: {
                  name: 'sn_ot_incident_write';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: '378de8095adb437ba3f0488070b9d6bf';
            key: {
              document_key: '4cf1f89dbe684419801821a71f87e6c4';
              variable: '946f3c1a0f23330072e6452bc4767eda';
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
            table: 'sys_ui_action_role';
            id: '37f0b46da19949f88f31d85b6e961807';
            key: {
              sys_ui_action: '8a389b21c7014cdca53b9d23a908c39e';
              sys_user_role: {
                id: '2ba2ce93a405445c93dd0d0f506e34f7';
                key: {
                  name: 'wm_dispatcher';
                };
              };
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
            table: 'sys_security_acl_role';
            id: '38e5d4ba1c514375a5de9e39d4dadbce';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
              sys_user_role: {
                id: 'ba8b2f6dc0944219b48e5aeaa4651722';
                key: {
                  name: 'wm_agent';
                };
              };
            };
          },
          {
            table: 'sys_ui_list_element';
            id: '3a3996a29f024b9fbaff34719060acf6';
            key: {
              list_id: {
                id: 'f31473db2e6b444bad41ea805b8bb666';
                key: {
                  name: 'x_closeloop_override_request';
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
            table: 'sys_variable_value';
            id: '3a4e4f6a90b44904a0b60619cd3f5cb9';
            key: {
              document_key: '2257905e7a7743b29f166578dcfd4d9b';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_variable_value';
            id: '3a6d6afdaa9b4509be01bec2c1965782';
            key: {
              document_key: '883b285cd9154c95bacbfb66d5f46381';
              variable: '98c44875ffa033008d3f5d9ad53bf1fa';
            };
          },
          {
            table: 'sys_variable_value';
            id: '3a760cd1c5c8421b9c7bf6f5a721ba86';
            key: {
              document_key: '883b285cd9154c95bacbfb66d5f46381';
              variable: '8c07aba5ff6033008d3f5d9ad53bf13b';
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
            table: 'sys_documentation';
            id: '3adb7070a95246ff80cbc701a0f94c11';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'from_state';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '3aea0540e36a423aa2e0dc8c131f64d9';
            key: {
              document_key: 'd69407578dcc41ab9f7f38b957dc033b';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '3b80ec7747bb42bb8fd2b2b205b5436f';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: '040c1983e6174aea8413497a64adfb84';
            };
          },
          {
            table: 'sys_variable_value';
            id: '3b92c5d1f87a4158989503fdf718149a';
            key: {
              document_key: '3a8f6dea9a9d45d3a975f84202255536';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: '3b99c4bf05f4474a906ba88a83320ea8';
            deleted: true;
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
            table: 'sys_ui_list_element';
            id: '3ccfe7bba7f044beb4dfd0967f66142c';
            key: {
              list_id: {
                id: 'b883943372174cb7af7af008489b22d7';
                key: {
                  name: 'x_closeloop_guarded_table';
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
              element: 'table_name';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '3d21e400c1fc4b89b31a23ffc8049b80';
            deleted: true;
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '69981e623f3f46edb9b4235c92121374';
            };
          },
          {
            table: 'sys_variable_value';
            id: '3da8c2d2b25347e19ccf436ada3b65f7';
            key: {
              document_key: '8153a0fbc2604ff1b00d22cbbfaa4059';
              variable: '7600f16353e0220002c6435723dc34d5';
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
            table: 'sys_element_mapping';
            id: '3e87cd24fe8f41bc81804767079e1ae6';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: '19172b4421bf4a5aac029aad757494fd';
            };
          },
          {
            table: 'sys_variable_value';
            id: '405820b72e1d4ae4b4fb03ab32565dfc';
            deleted: true;
            key: {
              document_key: 'f724f2ef6f1b4e118ee2b65cf6f53bd6';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: '40f7f0a718c04fda91b95671c23caa28';
            key: {
              list_id: {
                id: 'b883943372174cb7af7af008489b22d7';
                key: {
                  name: 'x_closeloop_guarded_table';
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
              element: 'closing_states';
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
            id: '4120e1cc8d3743f2b90e5515208e55af';
            key: {
              document_key: 'acd93273f6bb4f5d9b042afa48b1c272';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_variable_value';
            id: '4146b7b1caf44fb09227fc19869e800c';
            deleted: true;
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
            table: 'sys_variable_value';
            id: '41d4bcd780b746e89025163096963e7e';
            key: {
              document_key: 'a5f3f5c22ab745bda384dbf4309a9f3d';
              variable: 'bc4c43935320220002c6435723dc34a2';
            };
          },
          {
            table: 'sys_variable_value';
            id: '41e01cb9b97440b1b56f6abd0601aa80';
            key: {
              document_key: '6da761e959234d67bc056e564096ad67';
              variable: 'cbddfa135320220002c6435723dc3415';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '426ed4c29212449ba5ae2b09f37f96cc';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '387b3cc060bb47b391f321817c21aa87';
            };
          },
          {
            table: 'sys_dictionary';
            id: '43517243e1f6490e80c498e4cb2757a5';
            key: {
              name: 'x_closeloop_override_request';
              element: 'requested_at';
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
            id: '447cf0c2eb1f42698d46f9e26647a9d1';
            key: {
              document_key: 'd052a2227c1f428e87d53b2794d09c0d';
              variable: '74d6e7a0a3023110571967d1361e616b';
            };
          },
          {
            table: 'sys_user_role';
            id: '44b6b123441e485c91c740c6cbb5d9b4';
            key: {
              name: 'x_closeloop.admin';
            };
          },
          {
            table: 'sys_variable_value';
            id: '44c292b3c373416c9ffc30ecd82193bb';
            key: {
              document_key: '2208df9330d34acf8cbfed890f80505e';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_dictionary';
            id: '44d3c8408016468cb7adde072181daaf';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'from_state';
            };
          },
          {
            table: 'sys_dictionary';
            id: '4568f0771bdc452faa08b1d623551629';
            key: {
              name: 'x_closeloop_override_request';
              element: 'task';
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
            table: 'sys_variable_value';
            id: '4768be16c2e84530b331660b2815cecd';
            key: {
              document_key: '36532cbb40464311be1d0cf36314869d';
              variable: '56e6bee65320220002c6435723dc34b9';
            };
          },
          {
            table: 'sys_index';
            id: '47d52b0e4ce7465291ee63f2d4cfdc39';
            key: {
              logical_table_name: 'x_closeloop_connector_state';
              col_name_string: 'name';
            };
          },
          {
            table: 'sys_dictionary';
            id: '47db86df1a2d486293e9596a4159c77a';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'cancel_states';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '484009bf07ee47c783588c594cd7450b';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_5f2e0e535332120028bc29cac2dc34d3';
              id: '8b4d4e8cb6b14900a03b4b63b61aacf9';
            };
          },
          {
            table: 'sys_variable_value';
            id: '48b164e4067f4f8894edc13b9fc26582';
            key: {
              document_key: 'acd93273f6bb4f5d9b042afa48b1c272';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_documentation';
            id: '4992dd9066fd4876828c9a6cd1818f16';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'task';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '49c07a3996284509b19fabdadb729ce8';
            key: {
              document_key: 'f23be0afe9fc4fc6a786b69a20a86c9a';
              variable: '6f69fc4aff6433008d3f5d9ad53bf18c';
            };
          },
          {
            table: 'sys_variable_value';
            id: '49e1d685984140a59e1e91466bbea09f';
            key: {
              document_key: 'd052a2227c1f428e87d53b2794d09c0d';
              variable: 'c2eb56e853422110248dddeeff7b1261';
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
            table: 'sys_variable_value';
            id: '4aca5e6ac8d647fc813dbd673a14345a';
            key: {
              document_key: '8b4d4e8cb6b14900a03b4b63b61aacf9';
              variable: 'b124164e53a0220002c6435723dc34c5';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '4add02f863974785a7b8ddbed13cea98';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
              sys_user_role: {
                id: 'ef9298582f7c45a0b3e7c0b310909844';
                key: {
                  name: 'wm_admin';
                };
              };
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
            table: 'sys_documentation';
            id: '4b64ec42033a494ab024f0a7e27278ad';
            key: {
              name: 'x_closeloop_connector_state';
              element: 'failures';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '4bc62b6d49594b1180fd890167782cb3';
            key: {
              document_key: '040c1983e6174aea8413497a64adfb84';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_dictionary';
            id: '4c35ed66750c4a93b78f5cc4bdcd1fa5';
            key: {
              name: 'x_closeloop_override_request';
              element: 'NULL';
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
            table: 'sys_variable_value';
            id: '4db6d97b23444815b6c697cf0ad4338f';
            key: {
              document_key: '6e365d616fd34af8a4ed85420b063271';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '4ddc4b1990a3455b8048cbb5b0179522';
            deleted: true;
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
            table: 'sys_choice';
            id: '4ee523b232844dad9fdbb03a282340ea';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'outcome';
              value: 'canceled';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '4f32f4c4af6f4934862179f1816087d9';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'dbdd33b84eea4aeb9538d14bb2bbcf92';
            };
          },
          {
            table: 'sys_variable_value';
            id: '4f957c10fe4a445388ec7cd2d685754d';
            key: {
              document_key: 'af9b073256c844b4a582c596150d70ad';
              variable: '80f953535320220002c6435723dc340f';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '4f962532b7d249d68b308c73f99c5147';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '4b94109b99e1486e9e423edd2ec071de';
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
            table: 'sys_security_acl_role';
            id: '4ff5100214f94f27b845be4ee52aac9c';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: '690ee969aacf4aa19ed91159d731e4f3';
                key: {
                  name: 'sn_change_write';
                };
              };
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
            id: '50dea2ce83954e2ca00d814bceecac19';
            key: {
              document_key: '944af7bd07ae4a48ae9fa473b0e264b7';
              variable: 'a0e13cc35320220002c6435723dc3467';
            };
          },
          {
            table: 'sys_variable_value';
            id: '50e9d6fb1c1742e4bd08e6de2010c030';
            key: {
              document_key: '54a8c11e80734d6e8844c52ba20e13ee';
              variable: '6619c7aa5320220002c6435723dc34e2';
            };
          },
          {
            table: 'sys_variable_value';
            id: '50f1e2f1641444d48479fcac7eca8f91';
            key: {
              document_key: '576d6117c9a040f5924d2c8f54b91f47';
              variable: 'bc4c43935320220002c6435723dc34a2';
            };
          },
          {
            table: 'sys_variable_value';
            id: '5193208fd0284d1ab60b8e0751260b28';
            key: {
              document_key: '8153a0fbc2604ff1b00d22cbbfaa4059';
              variable: '334ea2f153212110248dddeeff7b1255';
            };
          },
          {
            table: 'sys_db_object';
            id: '5193278d751748b1a987417f3497a8c0';
            key: {
              name: 'x_closeloop_connector_state';
            };
          },
          {
            table: 'sys_variable_value';
            id: '5195cf7050854ddca73243dc4cdd2265';
            key: {
              document_key: 'e640bd0daf194ca6bfe5b7a18244dbc9';
              variable: 'd7c942e753a33300ac15ddeeff7b128e';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '523433a7fc41435bbc30319dc4e558ea';
            key: {
              sys_security_acl: '0b1023aa89b24d548a8fdfa2feb5c4df';
              sys_user_role: {
                id: '44b6b123441e485c91c740c6cbb5d9b4';
                key: {
                  name: 'x_closeloop.admin';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: '52eecc7a8b4741dfb59092106a0e87a5';
            key: {
              document_key: '883b285cd9154c95bacbfb66d5f46381';
              variable: 'b27b2b29ff6033008d3f5d9ad53bf164';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '53470dcf2f604c779a73eebfffa15288';
            key: {
              sys_security_acl: '712f5133eb6c480b98281eb6b7451ac6';
              sys_user_role: {
                id: '44b6b123441e485c91c740c6cbb5d9b4';
                key: {
                  name: 'x_closeloop.admin';
                };
              };
            };
          },
          {
            table: 'sys_documentation';
            id: '53f98721d0e34e10b0646e9cc58bfdee';
            key: {
              name: 'x_closeloop_override_request';
              element: 'task';
              language: 'en';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '540b40af91fc4367af5e8f23214cb1ac';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: '27fff301c2a742cd83c187194a5d6579';
                key: {
                  name: 'sn_ot_incident_write';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: '54bb48b1e9b7430a93da325868fc5e73';
            key: {
              document_key: '0920de4691cc4e82ba5d13f369aab2db';
              variable: 'ae8b91c9ffa333008d3f5d9ad53bf1ba';
            };
          },
          {
            table: 'ua_table_licensing_config';
            id: '554e2f8ee4c1470bac4c8841c5527e09';
            key: {
              name: 'x_closeloop_guarded_table';
            };
          },
          {
            table: 'sys_variable_value';
            id: '559a6c55391c4a399abd63e5942f0176';
            key: {
              document_key: 'af9b073256c844b4a582c596150d70ad';
              variable: '787a9b535320220002c6435723dc3455';
            };
          },
          {
            table: 'sys_variable_value';
            id: '5607c57f148e4f43ba5079c1b06bf69d';
            key: {
              document_key: 'c47f941a9f13435fba58721239aad09d';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_documentation';
            id: '5610cd5a96a64cfd8cf646a25d82a370';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'assignment_group';
              language: 'en';
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
            table: 'sys_variable_value';
            id: '56478fb4f7374d578af41eebfee603ed';
            key: {
              document_key: 'f23be0afe9fc4fc6a786b69a20a86c9a';
              variable: '1778a7480f20101091d0f00c97767e03';
            };
          },
          {
            table: 'sys_dictionary';
            id: '5759ac27e8d64c0ca6eb7babeb82c5aa';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'task';
            };
          },
          {
            table: 'sys_documentation';
            id: '578caee8b5854f61b44370b814403db5';
            key: {
              name: 'x_closeloop_override_request';
              element: 'NULL';
              language: 'en';
            };
          },
          {
            table: 'sys_dictionary';
            id: '57e4906997844a4786be6e1de4f94002';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'fail_mode';
            };
          },
          {
            table: 'sys_variable_value';
            id: '57f94655a11b4414ade9ed7a9e3040e5';
            key: {
              document_key: 'd69407578dcc41ab9f7f38b957dc033b';
              variable: '46dbcb535320220002c6435723dc3409';
            };
          },
          {
            table: 'sys_variable_value';
            id: '582df362252b4052bc1678c571557a67';
            key: {
              document_key: '2125119c551040249dda9423d3451cb1';
              variable: 'a0e13cc35320220002c6435723dc3467';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: '583ee4233d324ba78a80e06fe6287c1c';
            key: {
              list_id: {
                id: 'f31473db2e6b444bad41ea805b8bb666';
                key: {
                  name: 'x_closeloop_override_request';
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
              element: 'requested_at';
            };
          },
          {
            table: 'sys_variable_value';
            id: '587de480627f4e9bbc3f20f2c88e0d67';
            key: {
              document_key: '6da761e959234d67bc056e564096ad67';
              variable: '52ed1e5b5360220002c6435723dc3421';
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
            table: 'sys_ui_action_role';
            id: '5ada106727d94d99979732b9684db10a';
            key: {
              sys_ui_action: '8a389b21c7014cdca53b9d23a908c39e';
              sys_user_role: {
                id: 'ba8b2f6dc0944219b48e5aeaa4651722';
                key: {
                  name: 'wm_agent';
                };
              };
            };
          },
          {
            table: 'sys_element_mapping';
            id: '5add390914824e46b8ebe7bb596132ec';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d';
              id: '2a8488d73c6340e48b6c2f55a3462ea1';
            };
          },
          {
            table: 'sys_variable_value';
            id: '5bbecfc4c65f45658b30ad9c98129667';
            key: {
              document_key: '040c1983e6174aea8413497a64adfb84';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_variable_value';
            id: '5c11e55bd584434197770a93b77ab37b';
            key: {
              document_key: '798882cfba5648e5b98575e0817089a0';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: '5c66b200180e455e9405d96fc964a132';
            key: {
              document_key: '9d2415b374bb467aaa24dd7bba9f10e7';
              variable: '42f2564b73031300440211d8faf6a777';
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
            table: 'sys_variable_value';
            id: '5d0a78d4beb04000ac17c2f07b4874a1';
            key: {
              document_key: 'e93da930db8b4666899e74d16ed0aa70';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: '5d0bf89ab00f495aba8424ff0a6b26f5';
            key: {
              document_key: '883b285cd9154c95bacbfb66d5f46381';
              variable: '1985e0ceff2433008d3f5d9ad53bf1ba';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6015c0097ff747b08c35554f0fcb9a72';
            key: {
              document_key: '4ad7fbfac31c428ab1602ec071f43b0b';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '606765c02ddb4c038a8823c82f02f538';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: '2ba2ce93a405445c93dd0d0f506e34f7';
                key: {
                  name: 'wm_dispatcher';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: '60e70b37cf5a4ea396889159ebc94ff6';
            key: {
              document_key: '9e3bcf43b94344bbb12c1db646b27155';
              variable: '1985e0ceff2433008d3f5d9ad53bf1ba';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '61f18d54500d4fbcbed04886ac74e8e2';
            deleted: true;
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'ae2a43bd64b54a4a8da54320fbbd54fa';
            };
          },
          {
            table: 'sys_variable_value';
            id: '622a56074d1841c1b5c16b65bc51fa07';
            key: {
              document_key: '08522e9d64904c69b79a31e0790da341';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_documentation';
            id: '622ccbd61cee40068b344a9c97d1bb44';
            key: {
              name: 'x_closeloop_connector_state';
              element: 'last_error';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '62459e5a825e4c3ba223bf7890173c8a';
            key: {
              document_key: '7a0b2f57fdd743a08e91990734e37af2';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6285605c35d24031a8f556915621eb7e';
            key: {
              document_key: 'cc6b53e1d89c47d0a17b2bae74f05f4b';
              variable: '9024a37f671003007ba405225685efe5';
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
            id: '6323295668044f13aa4ed3e252f65401';
            key: {
              document_key: '881396abd9204eafbd52398b12882637';
              variable: '535cb5ab53233300f06fddeeff7b1247';
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
            id: '6374a1af4a0247d48b08615829886075';
            key: {
              document_key: '08522e9d64904c69b79a31e0790da341';
              variable: 'e6e3c7535320220002c6435723dc3496';
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
            table: 'sys_variable_value';
            id: '64d67003f1a54cd4bcdf8ab5b5ae2b41';
            key: {
              document_key: '8153a0fbc2604ff1b00d22cbbfaa4059';
              variable: '535cb5ab53233300f06fddeeff7b1247';
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
            table: 'sys_documentation';
            id: '658aae8d67c942ec987a47ba34b10980';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'description';
              language: 'en';
            };
          },
          {
            table: 'sys_ui_action_role';
            id: '664dce188384487bac49b1618291e4a0';
            key: {
              sys_ui_action: '8a389b21c7014cdca53b9d23a908c39e';
              sys_user_role: {
                id: '27fff301c2a742cd83c187194a5d6579';
                key: {
                  name: 'sn_ot_incident_write';
                };
              };
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
            id: '66e0cfe576074fc3b30eef3ed7720d18';
            key: {
              name: 'x_closeloop_override_request';
              element: 'user';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6714e190f462471ca17627c32a8641b7';
            key: {
              document_key: '2208df9330d34acf8cbfed890f80505e';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_ui_page';
            id: '6718fc2724be4b369f4ec498e1fd979c';
            key: {
              endpoint: 'x_closeloop_override_dialog.do';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '671f2fe0a9054a7ab30b95450285a3c1';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: 'd69407578dcc41ab9f7f38b957dc033b';
            };
          },
          {
            table: 'sys_index';
            id: '672ed553547c420c97e8f544d61eea1d';
            key: {
              logical_table_name: 'x_closeloop_closure_audit';
              col_name_string: 'task';
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
            table: 'sys_variable_value';
            id: '68519f771d6a4edbab98b98898340939';
            key: {
              document_key: '717ac8183459448f893918be4727727f';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_variable_value';
            id: '69037cb7458b4af6b562c1faa422abfa';
            key: {
              document_key: 'f23be0afe9fc4fc6a786b69a20a86c9a';
              variable: '8c07aba5ff6033008d3f5d9ad53bf13b';
            };
          },
          {
            table: 'sys_user_role_contains';
            id: '696260ac937c4d45a544b4bed633a376';
            key: {
              role: {
                id: '44b6b123441e485c91c740c6cbb5d9b4';
                key: {
                  name: 'x_closeloop.admin';
                };
              };
              contains: {
                id: '82e73cb6c8c248709c4025207bf94370';
                key: {
                  name: 'x_closeloop.auditor';
                };
              };
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
            table: 'sys_variable_value';
            id: '698caf99c6a14cf0986ab3c68d3068e1';
            key: {
              document_key: '2257905e7a7743b29f166578dcfd4d9b';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_variable_value';
            id: '69f46953a73944b6b28221a8e8b06c48';
            key: {
              document_key: '9c9ec10ff62943ea9c59816e4a3f344c';
              variable: 'b86c0427531000109e02ddeeff7b1227';
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
            table: 'sys_variable_value';
            id: '6ac7f9d209814764809f2eb8e5068a7d';
            key: {
              document_key: '244f549ed09f4ec29a07d1469f19f3b0';
              variable: 'b27b2b29ff6033008d3f5d9ad53bf164';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6ae41f441afb49a8a91a04b447a81ce3';
            key: {
              document_key: '9786058225064cbb8a9d1a93727e28f7';
              variable: '74d6e7a0a3023110571967d1361e616b';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6b0b493e402f4fa4930716330eac1620';
            key: {
              document_key: '19172b4421bf4a5aac029aad757494fd';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6b6e6e476d6747068c15ed72151fdf4a';
            key: {
              document_key: 'e8c9d95671d047bfab476acb554d9d71';
              variable: 'b86c0427531000109e02ddeeff7b1227';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6b96865a00c04a3f821c680b3b1afa97';
            key: {
              document_key: '717ac8183459448f893918be4727727f';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6bcc88b76e0045e193bcd15f9b252083';
            key: {
              document_key: '2a8488d73c6340e48b6c2f55a3462ea1';
              variable: 'ff6e125353a0220002c6435723dc3442';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6c51e49ef4be464385f4aa7abf9fcc75';
            key: {
              document_key: 'e640bd0daf194ca6bfe5b7a18244dbc9';
              variable: 'e5a3e12353633300ac15ddeeff7b125c';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6c5f5347ace447e2ab99542ac7bcb047';
            key: {
              document_key: '2208df9330d34acf8cbfed890f80505e';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_variable_value';
            id: '6ca831a5274145b2a6e9a3d8b57852ca';
            key: {
              document_key: '19172b4421bf4a5aac029aad757494fd';
              variable: '46dbcb535320220002c6435723dc3409';
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
            table: 'sys_variable_value';
            id: '6d14f662d2194ae6b0155bc5f80f1472';
            key: {
              document_key: '08522e9d64904c69b79a31e0790da341';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '6d4d4398700b4200bef819b41b0757e9';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: 'cd6781134e4b40ddb99aac307bcab15f';
                key: {
                  name: 'x_closeloop.closure_override';
                };
              };
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
            id: '707bf89b6a2b4071b625fe1767390aa6';
            key: {
              document_key: '2125119c551040249dda9423d3451cb1';
              variable: '4aa838f25320220002c6435723dc34e1';
            };
          },
          {
            table: 'sys_variable_value';
            id: '70849b3ff7d547218f9ff388ad4b1556';
            key: {
              document_key: '576d6117c9a040f5924d2c8f54b91f47';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '708689235566428ebe1509fd1b2f89eb';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_1f39a288df60220062fe6c7a4df2639d';
              id: '6da761e959234d67bc056e564096ad67';
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
            table: 'sys_index';
            id: '70f680cef1af47e294778c683df5eda2';
            key: {
              logical_table_name: 'x_closeloop_guarded_table';
              col_name_string: 'table_name';
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
            id: '71d0eaa69f484f7aba60899e2d3af228';
            key: {
              document_key: '8ebff2c465584c1fbc50431cea801884';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'sys_variable_value';
            id: '72381781bf58470b9f5e56e04b383a7f';
            key: {
              document_key: '192f6dd1bb9241cf940aee747486e316';
              variable: '67400008676003007ba405225685efa4';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '7275cd26943a46b28755f50971c12084';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: '1dd8bad776414117968b94b64ec8dc2e';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '729efbf3363546c0820b4bc6dfd09a0f';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '3a8f6dea9a9d45d3a975f84202255536';
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
            table: 'sys_security_acl_role';
            id: '72f50b10bdca44fcb0ec854ef0588762';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
              sys_user_role: {
                id: '134fa0aa5d074023aa3e347ac0a74592';
                key: {
                  name: 'sn_ot_incident_read';
                };
              };
            };
          },
          {
            table: 'sys_index';
            id: '72f5ae4b86c44db18f7e317045f31005';
            key: {
              logical_table_name: 'x_closeloop_override_request';
              col_name_string: 'task';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7316f6903739428fb4d6d67d364836f1';
            key: {
              document_key: '2928565e8eeb49469c7a30666958ec44';
              variable: '501c8f535320220002c6435723dc34da';
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
            id: '73d81f8922ad4b5488eea86a19d66f56';
            key: {
              document_key: '881396abd9204eafbd52398b12882637';
              variable: '7600f16353e0220002c6435723dc34d5';
            };
          },
          {
            table: 'sys_variable_value';
            id: '741ffcc60cdc412292825a5a844ac321';
            key: {
              document_key: '29be7ce09a8a44e5b9cf073a8c0fd0b0';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_variable_value';
            id: '744b203da5ab457ea410a05a82eb1331';
            key: {
              document_key: 'af9b073256c844b4a582c596150d70ad';
              variable: 'e81ad3535320220002c6435723dc340c';
            };
          },
          {
            table: 'sys_variable_value';
            id: '75024d622c804a9abcf9e24c9144052b';
            key: {
              document_key: '9e3bcf43b94344bbb12c1db646b27155';
              variable: '98c44875ffa033008d3f5d9ad53bf1fa';
            };
          },
          {
            table: 'sys_variable_value';
            id: '759047959cd14733af9f5c9095952dc3';
            key: {
              document_key: '2208df9330d34acf8cbfed890f80505e';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_variable_value';
            id: '75c2252b3435461f9dcae5441ed75360';
            key: {
              document_key: '6e365d616fd34af8a4ed85420b063271';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_variable_value';
            id: '76815de09608492d9cbfa7777de80eb2';
            key: {
              document_key: 'e682480594754b3c924e2a81e987a7b5';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7712b646f81f426bb2828851399d6dbd';
            key: {
              document_key: '9e3bcf43b94344bbb12c1db646b27155';
              variable: 'b27b2b29ff6033008d3f5d9ad53bf164';
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
            table: 'sys_element_mapping';
            id: '77dd4e8a348c4cffb2f662d4f1ae3030';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: 'a5f3f5c22ab745bda384dbf4309a9f3d';
            };
          },
          {
            table: 'sys_variable_value';
            id: '784eb070c27a40c8b8d52898adfdd1ce';
            key: {
              document_key: '76cbd0b0afa74417982475c6fa6e810d';
              variable: '6aad5a575360220002c6435723dc34b0';
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
            table: 'sys_variable_value';
            id: '78e495e18f1341b7bdb9b5019a2fe810';
            key: {
              document_key: '76cbd0b0afa74417982475c6fa6e810d';
              variable: '67400008676003007ba405225685efa4';
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
            id: '7b96867d473f431eb0240dd4d584227e';
            key: {
              document_key: '9c9ec10ff62943ea9c59816e4a3f344c';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7b9a4f07a89e4e91b2fcf73bb1c58614';
            key: {
              document_key: '4cf1f89dbe684419801821a71f87e6c4';
              variable: '424ca6465320220002c6435723dc34b5';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7baaa9acb56a48b0bd53b7d934b4ecd3';
            key: {
              document_key: '05cbf559b682494ebaadaa04db1d63e9';
              variable: 'dd54cf535320220002c6435723dc34fd';
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
            id: '7ce8dccf21aa499896c779988cf63196';
            key: {
              document_key: 'd69407578dcc41ab9f7f38b957dc033b';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '7d81ba1eee924378a16e86f1a5da719b';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: 'efeea8fcbd6d4efba1f3da69686b330f';
                key: {
                  name: 'sn_incident_write';
                };
              };
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
            id: '7e67a0c5dbc344648cb83ffae5e5bad7';
            key: {
              document_key: '576d6117c9a040f5924d2c8f54b91f47';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7fa1e2040da743908d403c67fb050aae';
            key: {
              document_key: '8153a0fbc2604ff1b00d22cbbfaa4059';
              variable: '7c5f6d2353e0220002c6435723dc34f6';
            };
          },
          {
            table: 'sys_documentation';
            id: '7fb7acd421334326bbd144d3aed223d9';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'NULL';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7fc08617ae0345e6b1f41d762b80db67';
            key: {
              document_key: '7a0b2f57fdd743a08e91990734e37af2';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_variable_value';
            id: '7fede21ed3444428a2d36df1475250f3';
            key: {
              document_key: '8b4d4e8cb6b14900a03b4b63b61aacf9';
              variable: 'c2eb56e853422110248dddeeff7b1261';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '80305cc6a0e848279211f5b43b1e5a3f';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: '11545bbd35884afa9266a3a207983b0d';
                key: {
                  name: 'sn_change_read';
                };
              };
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
            id: '8230058be24e4658b9fd7a005271f6da';
            key: {
              document_key: 'cc6b53e1d89c47d0a17b2bae74f05f4b';
              variable: '90144b535320220002c6435723dc3488';
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
            table: 'sys_user_role';
            id: '82e73cb6c8c248709c4025207bf94370';
            key: {
              name: 'x_closeloop.auditor';
            };
          },
          {
            table: 'sys_variable_value';
            id: '82f29b24643548e4b05a9d9c90127042';
            key: {
              document_key: '76cbd0b0afa74417982475c6fa6e810d';
              variable: 'ff6e125353a0220002c6435723dc3442';
            };
          },
          {
            table: 'sys_variable_value';
            id: '8336af6ad76b42e69c49975ef6848988';
            key: {
              document_key: '244f549ed09f4ec29a07d1469f19f3b0';
              variable: '1778a7480f20101091d0f00c97767e03';
            };
          },
          {
            table: 'sys_variable_value';
            id: '837a1eb6ee9a4574a8dd1586c02fd950';
            key: {
              document_key: '192f6dd1bb9241cf940aee747486e316';
              variable: 'ff6e125353a0220002c6435723dc3442';
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
            table: 'sys_element_mapping';
            id: '83d1588bd2234849b3e8b3b10f8a526e';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'e93da930db8b4666899e74d16ed0aa70';
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
            table: 'sys_choice';
            id: '8622505d03b445a6a605d727b21b3e9b';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'fail_mode';
              value: 'block';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_dictionary';
            id: '862f3d19a3f04c8790c7ff094d4e9c31';
            key: {
              name: 'x_closeloop_connector_state';
              element: 'last_error';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '865f24836ce141d88f1d484a6927b713';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: 'e8c9d95671d047bfab476acb554d9d71';
            };
          },
          {
            table: 'sys_choice';
            id: '8682acc0ba684b9d98d7b3fdd6de48b0';
            key: {
              name: 'x_closeloop_override_request';
              element: 'status';
              value: 'used';
              language: 'en';
              dependent_value: 'NULL';
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
            table: 'sys_variable_value';
            id: '876ce02fa380495f85fac3bd7b633623';
            key: {
              document_key: 'd69407578dcc41ab9f7f38b957dc033b';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'sys_variable_value';
            id: '878ecfc129864fa49aaa8b31b746eb4c';
            key: {
              document_key: 'ebfe89caab364095ba724a3f9248101b';
              variable: 'bc43e004c76733005e5c45b881c26046';
            };
          },
          {
            table: 'sys_documentation';
            id: '87908b8fc3334b9b8f00ef9d79596591';
            key: {
              name: 'x_closeloop_override_request';
              element: 'status';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '87bd1e8e49244c539797eca9ea583df6';
            key: {
              document_key: 'af9b073256c844b4a582c596150d70ad';
              variable: 'e63a97535320220002c6435723dc34b8';
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
            table: 'sys_variable_value';
            id: '885a347982554ab2abd4a45c60bfa83a';
            key: {
              document_key: 'd052a2227c1f428e87d53b2794d09c0d';
              variable: 'ad351a4e53a0220002c6435723dc34f0';
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
            table: 'sys_ui_list_element';
            id: '888c77588cd84834a752b51f7aa5fe7b';
            key: {
              list_id: {
                id: 'b883943372174cb7af7af008489b22d7';
                key: {
                  name: 'x_closeloop_guarded_table';
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
              element: 'fail_mode';
            };
          },
          {
            table: 'sys_variable_value';
            id: '889cf2a361fb4a61a7384430e4adb6d6';
            key: {
              document_key: 'f23be0afe9fc4fc6a786b69a20a86c9a';
              variable: 'ff06ab840f20101091d0f00c97767e6d';
            };
          },
          {
            table: 'sys_variable_value';
            id: '88ef368b07ff441196e46f8c345ca674';
            key: {
              document_key: '881396abd9204eafbd52398b12882637';
              variable: '334ea2f153212110248dddeeff7b1255';
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
            table: 'sys_dictionary';
            id: '8925f3e0edb24770b3ed62476daa9798';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'to_state';
            };
          },
          {
            table: 'sys_variable_value';
            id: '897a175489034dd69000116bc8610e6f';
            key: {
              document_key: '8efc3487fdef43a6b289ab5f435b1acb';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_ui_action_role';
            id: '897f22b63c9e4cd69cd6fd672c4e2f38';
            key: {
              sys_ui_action: '8a389b21c7014cdca53b9d23a908c39e';
              sys_user_role: {
                id: 'efeea8fcbd6d4efba1f3da69686b330f';
                key: {
                  name: 'sn_incident_write';
                };
              };
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
            table: 'sys_variable_value';
            id: '8a32b573c4e44da391c9e84226f5bde4';
            key: {
              document_key: '7b82142462be48efa307c91f7aa4171a';
              variable: '42f2564b73031300440211d8faf6a777';
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
            table: 'sys_element_mapping';
            id: '8bb25ebf54fe4498a632413a8b071863';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: 'acd93273f6bb4f5d9b042afa48b1c272';
            };
          },
          {
            table: 'sys_dictionary';
            id: '8bea8dd0af4e4087b3e8fbe02ce7e56d';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'own_correlation';
            };
          },
          {
            table: 'sys_variable_value';
            id: '8c11777812cb4efb9b4942bd7415a448';
            key: {
              document_key: 'b9db541f02404ffea94a4dbd9b5dfc78';
              variable: '989d9e235324220002c6435723dc3484';
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
            table: 'sys_variable_value';
            id: '8ce6fa4315034258be4ea71577217640';
            key: {
              document_key: '040c1983e6174aea8413497a64adfb84';
              variable: '46dbcb535320220002c6435723dc3409';
            };
          },
          {
            table: 'sys_variable_value';
            id: '8e38284dcacd4555a9e259f668dbae12';
            key: {
              document_key: '881396abd9204eafbd52398b12882637';
              variable: '51547e3953212110248dddeeff7b126b';
            };
          },
          {
            table: 'sys_variable_value';
            id: '8e602e03a84a4b809f9d0747dd8c1a29';
            key: {
              document_key: '3a8f6dea9a9d45d3a975f84202255536';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_variable_value';
            id: '8eba06d49f1c4405babeacdb9f18c1f9';
            key: {
              document_key: 'cc6b53e1d89c47d0a17b2bae74f05f4b';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_dictionary';
            id: '8fefc556d0c14bf6bf9800697ee95506';
            key: {
              name: 'x_closeloop_connector_state';
              element: 'failures';
            };
          },
          {
            table: 'sys_variable_value';
            id: '9052813f5c8048bbaee130638d43a644';
            key: {
              document_key: 'ebfe89caab364095ba724a3f9248101b';
              variable: '56e6bee65320220002c6435723dc34b9';
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
            table: 'sys_documentation';
            id: '942fc6db8c8845369e6498cc9578bcbf';
            key: {
              name: 'x_closeloop_connector_state';
              element: 'NULL';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: '949a54492b09427bbf6a281093345a10';
            key: {
              document_key: '6da761e959234d67bc056e564096ad67';
              variable: '67400008676003007ba405225685efa4';
            };
          },
          {
            table: 'sys_variable_value';
            id: '94fda8bcb5f34199971f79adc2366a6d';
            key: {
              document_key: '8e6260ac24544623a675da78f01809cc';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: '95635b38da1b45c68d6d5c4e30b1b330';
            key: {
              document_key: '192f6dd1bb9241cf940aee747486e316';
              variable: '52ed1e5b5360220002c6435723dc3421';
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
            id: '96295fbc180540b08cc6f4324a329e0b';
            key: {
              document_key: 'ebfe89caab364095ba724a3f9248101b';
              variable: '6619c7aa5320220002c6435723dc34e2';
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
            id: '96cb2c5114734c19826abd36298609fa';
            key: {
              document_key: '29be7ce09a8a44e5b9cf073a8c0fd0b0';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_variable_value';
            id: '972ad98964d94dd5a465e5903f107db3';
            key: {
              document_key: '8019fae3107b4280b23b28b36eea32c9';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_dictionary';
            id: '975da8768426438bbb301c152a58fcf0';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'NULL';
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
            table: 'sys_element_mapping';
            id: '977d0964acb54dbfad3d9c5c3a919d8e';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '238d5a05d452429cb05d1bd89e059f63';
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
            id: '988e34301a2b4ed89934bdde85d5e14f';
            key: {
              document_key: 'f1b534ae5fc84619aabe4e4b5c643f2e';
              variable: '915990ab531000109e02ddeeff7b12f8';
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
            id: '9948448bbd3c4aafae4415cf602b7828';
            key: {
              document_key: '1dd8bad776414117968b94b64ec8dc2e';
              variable: 'b86c0427531000109e02ddeeff7b1227';
            };
          },
          {
            table: 'sys_element_mapping';
            id: '999e3ca786d746c4838184f2d092c97c';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'c4c3b82670a14beeae5d22b3c75f50f6';
            };
          },
          {
            table: 'sys_variable_value';
            id: '99a3271db1d44dd0ba0459f39e4e0538';
            key: {
              document_key: 'dbdd33b84eea4aeb9538d14bb2bbcf92';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_variable_value';
            id: '99bee04412c841418f7c50978b2384ea';
            key: {
              document_key: '8b4d4e8cb6b14900a03b4b63b61aacf9';
              variable: '6e55da4e53a0220002c6435723dc34a0';
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
            id: '9a6a05f756074100977e812bd1ba84fc';
            key: {
              document_key: '2928565e8eeb49469c7a30666958ec44';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_dictionary';
            id: '9aae1e7ccfe24deca08fb6f4af7a81a7';
            key: {
              name: 'x_closeloop_connector_state';
              element: 'NULL';
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
            table: 'sys_variable_value';
            id: '9d09a45d17af48c08a1756e1667c233b';
            key: {
              document_key: '76cbd0b0afa74417982475c6fa6e810d';
              variable: 'cbddfa135320220002c6435723dc3415';
            };
          },
          {
            table: 'sys_variable_value';
            id: '9d42b8415c6c46b6ad1ea1ed2d283125';
            key: {
              document_key: '244f549ed09f4ec29a07d1469f19f3b0';
              variable: '6f69fc4aff6433008d3f5d9ad53bf18c';
            };
          },
          {
            table: 'sys_variable_value';
            id: '9dba1861cb064413b67b3a8969c6c07d';
            key: {
              document_key: '29be7ce09a8a44e5b9cf073a8c0fd0b0';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_variable_value';
            id: '9dbaafdfec5f4d6b805bb3de027a8643';
            key: {
              document_key: '2928565e8eeb49469c7a30666958ec44';
              variable: '46dbcb535320220002c6435723dc3409';
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
            table: 'sys_variable_value';
            id: '9df2ae8eaa4348a9b17fe98e26aaf393';
            key: {
              document_key: '7a0b2f57fdd743a08e91990734e37af2';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: '9e8b0b7131554259a8a3472226426239';
            deleted: true;
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
            table: 'sys_security_acl_role';
            id: '9ee2ee0c6a1445ffadbad5f034b93c91';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
              sys_user_role: {
                id: 'efeea8fcbd6d4efba1f3da69686b330f';
                key: {
                  name: 'sn_incident_write';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: '9f1bb180bc974c618ccf4ae73ebf985d';
            key: {
              document_key: 'd69407578dcc41ab9f7f38b957dc033b';
              variable: 'bc4c43935320220002c6435723dc34a2';
            };
          },
          {
            table: 'sys_variable_value';
            id: '9f78310734584dcdbd54beb88ff2417c';
            key: {
              document_key: '717ac8183459448f893918be4727727f';
              variable: 'b86c0427531000109e02ddeeff7b1227';
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
            table: 'sys_documentation';
            id: 'a02ddb06a13a45d09e017208a27ab127';
            key: {
              name: 'x_closeloop_override_request';
              element: 'justification';
              language: 'en';
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
            table: 'sys_ui_list_element';
            id: 'a0a60fa38e7146d5bd35023fda41e9ee';
            key: {
              list_id: {
                id: 'b883943372174cb7af7af008489b22d7';
                key: {
                  name: 'x_closeloop_guarded_table';
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
              element: 'via_field';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'a0ce0071f9e14da48d1ee3e377764e6d';
            deleted: true;
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'incident';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'a1576e67754b4276b7f5ef9e7db130f9';
            key: {
              document_key: '2257905e7a7743b29f166578dcfd4d9b';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_documentation';
            id: 'a221678159644c79b3d7a4dd46ebab38';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'fail_mode';
              language: 'en';
            };
          },
          {
            table: 'sys_db_object';
            id: 'a246f8d833134ad7a57b2535a2b0a7b3';
            key: {
              name: 'x_closeloop_guarded_table';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'a28d6694c60b4822bf64e6b61b30af28';
            key: {
              document_key: '4cf1f89dbe684419801821a71f87e6c4';
              variable: 'b3dba2465320220002c6435723dc34f0';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'a3e0f427c5a841679a36fb6f16015900';
            key: {
              document_key: '883b285cd9154c95bacbfb66d5f46381';
              variable: '6f69fc4aff6433008d3f5d9ad53bf18c';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'a3f4f9b4596644b1bed08521abf78464';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
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
            table: 'sys_ui_list_element';
            id: 'a535543e28f84ad186d45bbfe75788c9';
            key: {
              list_id: {
                id: 'f31473db2e6b444bad41ea805b8bb666';
                key: {
                  name: 'x_closeloop_override_request';
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
            id: 'a5ec7a90712f45d1b26eecd319e38df9';
            key: {
              document_key: '75518a6483ba4ab388803ce0455f5df9';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'a60014ec42dc4e2496fb7904cac75c6d';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '9d2415b374bb467aaa24dd7bba9f10e7';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'a6412645c1e94c5992af6fb6aa95534f';
            key: {
              document_key: '6da761e959234d67bc056e564096ad67';
              variable: 'ff6e125353a0220002c6435723dc3442';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'a6d17956886e49149f5f479ef4fe0475';
            key: {
              document_key: '36532cbb40464311be1d0cf36314869d';
              variable: '6619c7aa5320220002c6435723dc34e2';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'a6d523ef1fb542568cae0dfad30def6a';
            key: {
              document_key: '2257905e7a7743b29f166578dcfd4d9b';
              variable: 'b86c0427531000109e02ddeeff7b1227';
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
            table: 'sys_dictionary';
            id: 'a8fce918df72423eb9d5239e9781d98e';
            key: {
              name: 'x_closeloop_override_request';
              element: 'status';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'a9be4bf7256b432481b47430520073bf';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: 'ef9298582f7c45a0b3e7c0b310909844';
                key: {
                  name: 'wm_admin';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'aa1bb18d23ab46cf99c9167173ef70dd';
            key: {
              document_key: 'c4c3b82670a14beeae5d22b3c75f50f6';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'aa5f26acc12f48a5aa7a151a740cea08';
            key: {
              document_key: '8019fae3107b4280b23b28b36eea32c9';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'aa74d7c45a604ec88eeb86ccce676e54';
            key: {
              document_key: '29be7ce09a8a44e5b9cf073a8c0fd0b0';
              variable: 'e6e3c7535320220002c6435723dc3496';
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
            table: 'sys_element_mapping';
            id: 'aaf9c98889eb4c9cb9faf0bcd5b9ee2e';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: '2257905e7a7743b29f166578dcfd4d9b';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'abd5544fdc1b4248ae73e8e29e835968';
            key: {
              document_key: '54a8c11e80734d6e8844c52ba20e13ee';
              variable: '56e6bee65320220002c6435723dc34b9';
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
            id: 'ac7c4bc2c9994148a7334ceee50c2032';
            key: {
              document_key: '2125119c551040249dda9423d3451cb1';
              variable: 'c83b5337e7633300e12127d8d2f6a98b';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'ac81be7ad5644241a1b4e285d3c55395';
            deleted: true;
            key: {
              document_key: 'b1dbe149ad414a7f9714122bc7a000cf';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'acb9d44527154fda88cf772398357d67';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: '7e9a1bda123e4c83bda03795e767ce7b';
                key: {
                  name: 'sn_incident_read';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'ad548f4a05734d849af17960c1cc1c22';
            key: {
              document_key: '27db45f07a9a4c709c9bc46b2ba5b3c0';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'adb04008048545308121ad07d1b81f90';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: 'ba8b2f6dc0944219b48e5aeaa4651722';
                key: {
                  name: 'wm_agent';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'ae3047cab2cd441fb9f296c74e31f921';
            key: {
              document_key: '05cbf559b682494ebaadaa04db1d63e9';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'aebab035449648f6af1fc451ff918423';
            key: {
              sys_security_acl: '3db3571c6f4848bcb599ad6dcf848cd3';
              sys_user_role: {
                id: '44b6b123441e485c91c740c6cbb5d9b4';
                key: {
                  name: 'x_closeloop.admin';
                };
              };
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
            table: 'sys_security_acl_role';
            id: 'b037f57064c342b28cbb80cb79dbc54e';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
              sys_user_role: {
                id: '7e9a1bda123e4c83bda03795e767ce7b';
                key: {
                  name: 'sn_incident_read';
                };
              };
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'b0b1267590a7441aa1a9e31e3963a4b6';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'b9db541f02404ffea94a4dbd9b5dfc78';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'b0d6a239c2314e5895ab70f4fa8ce5ec';
            key: {
              document_key: 'af9b073256c844b4a582c596150d70ad';
              variable: '6e5a1b535320220002c6435723dc3498';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: 'b0f57a0a946b4d708a43613874382db5';
            key: {
              list_id: {
                id: 'b883943372174cb7af7af008489b22d7';
                key: {
                  name: 'x_closeloop_guarded_table';
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
              element: 'active';
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
            id: 'b21234243d8447c4a95bb82d4543a888';
            key: {
              document_key: '9786058225064cbb8a9d1a93727e28f7';
              variable: 'b124164e53a0220002c6435723dc34c5';
            };
          },
          {
            table: 'sys_documentation';
            id: 'b2302ca8e5d44bbf92db7f1ce7391286';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'guarded_close_codes';
              language: 'en';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'b248467ba57948f38a1648b5037568b6';
            key: {
              sys_security_acl: 'f6403db75a1740c7b7b29cecd29b4c52';
              sys_user_role: {
                id: '134fa0aa5d074023aa3e347ac0a74592';
                key: {
                  name: 'sn_ot_incident_read';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'b2665bc46e7a47b5ab7598ee19b42667';
            key: {
              document_key: '8efc3487fdef43a6b289ab5f435b1acb';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'b2f0b50235dd4de0a7529242935b7750';
            key: {
              document_key: '387b3cc060bb47b391f321817c21aa87';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'b35b5a1db5bc4825bf6257f8740663e5';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '8e6260ac24544623a675da78f01809cc';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'b3b8a087e98546378fb3b2d2a0458cd1';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'guarded_close_codes';
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
            table: 'sys_element_mapping';
            id: 'b5a6aa206aa4458ca9a55e4d8bbe3f56';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'c47f941a9f13435fba58721239aad09d';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'b5b7972352f24126abf07d48eb82fc08';
            key: {
              document_key: 'c5c4c31b161d49d490613d0ac3ad0df1';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'b60e1936efd746c79580af470ca42b89';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'table_name';
            };
          },
          {
            table: 'sys_choice';
            id: 'b6b3b34687ff42cc99690443a7daaf85';
            deleted: true;
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'source';
              value: 'stub';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'b779ea2b80fd4e6bb1eedd6a081211b6';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: 'ef9298582f7c45a0b3e7c0b310909844';
                key: {
                  name: 'wm_admin';
                };
              };
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'b7df91e23115495496cd45ad4e779235';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
              sys_user_role: {
                id: '2ba2ce93a405445c93dd0d0f506e34f7';
                key: {
                  name: 'wm_dispatcher';
                };
              };
            };
          },
          {
            table: 'sys_dictionary';
            id: 'b7e594d6ac11444799e7fa4014ae7c5f';
            key: {
              name: 'x_closeloop_override_request';
              element: 'user';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'b7ec84c33f5244a4b3dcfd56fddbe891';
            key: {
              document_key: 'd052a2227c1f428e87d53b2794d09c0d';
              variable: '6e55da4e53a0220002c6435723dc34a0';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'b804483888434ef2bbf8ecc32c9ac976';
            key: {
              document_key: '244f549ed09f4ec29a07d1469f19f3b0';
              variable: '1985e0ceff2433008d3f5d9ad53bf1ba';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'b81287f1825546478121d6fc8f2b2bbb';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: '11545bbd35884afa9266a3a207983b0d';
                key: {
                  name: 'sn_change_read';
                };
              };
            };
          },
          {
            table: 'sys_ui_list';
            id: 'b883943372174cb7af7af008489b22d7';
            key: {
              name: 'x_closeloop_guarded_table';
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
            table: 'sys_ui_list_element';
            id: 'b8b9239b63d84de88ed80412e9ed7cee';
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
              element: 'assignment_group';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'b90a78019e414e30b7052391cd173aca';
            key: {
              document_key: '238d5a05d452429cb05d1bd89e059f63';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'b9577d66838a460f89015be6a05d1f92';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: '82e73cb6c8c248709c4025207bf94370';
                key: {
                  name: 'x_closeloop.auditor';
                };
              };
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
            table: 'sys_variable_value';
            id: 'bb079011c0064613b037886aee93eef8';
            key: {
              document_key: '244f549ed09f4ec29a07d1469f19f3b0';
              variable: '98c44875ffa033008d3f5d9ad53bf1fa';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'bbfc396c7f654b3e9c920fd76b2cbae3';
            deleted: true;
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
            table: 'sys_variable_value';
            id: 'bc532c88c0a342f88829fb6efc5c116e';
            key: {
              document_key: '8153a0fbc2604ff1b00d22cbbfaa4059';
              variable: '3eee292353e0220002c6435723dc343c';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: 'bce1d56cf1e74ce29bea21f2fb4aa0f4';
            key: {
              list_id: {
                id: 'f31473db2e6b444bad41ea805b8bb666';
                key: {
                  name: 'x_closeloop_override_request';
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
              element: 'task';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'bcf9462b8a8f4c56b25922d4f399f8c4';
            key: {
              document_key: '8e6260ac24544623a675da78f01809cc';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_documentation';
            id: 'bd0bf18dbc004666817af8dd69e18e0c';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'number';
              language: 'en';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'bd2abfc95197405fae7fab8e2c67ab9c';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: '2ba2ce93a405445c93dd0d0f506e34f7';
                key: {
                  name: 'wm_dispatcher';
                };
              };
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'bd4fcaeb9cde48378ce3c6cb747da6fe';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: '8019fae3107b4280b23b28b36eea32c9';
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
            table: 'sys_element_mapping';
            id: 'c0dc59c8c0b649d3a3789e21e944d39c';
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'c5c4c31b161d49d490613d0ac3ad0df1';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'c0e24edbc6a54a95bf55da0eb80fd63c';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'table_name';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c1133b03e5b94ca39ebf299b09f625c9';
            key: {
              document_key: '2928565e8eeb49469c7a30666958ec44';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'c13a789063604aab91f3f6827c8e01c2';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: '134fa0aa5d074023aa3e347ac0a74592';
                key: {
                  name: 'sn_ot_incident_read';
                };
              };
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
            table: 'sys_security_acl_role';
            id: 'c2216b1aafc8405a947368653470f579';
            key: {
              sys_security_acl: 'da4df089560447cfb9619f6417b007b1';
              sys_user_role: {
                id: '82e73cb6c8c248709c4025207bf94370';
                key: {
                  name: 'x_closeloop.auditor';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c314b6a1ae6a40a39d42baca66301013';
            key: {
              document_key: 'e8c9d95671d047bfab476acb554d9d71';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_db_object';
            id: 'c3321f478b754957b1a72f2e46021241';
            key: {
              name: 'x_closeloop_override_request';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c394694bc3e6426faaafe70874c3b115';
            key: {
              document_key: '8153a0fbc2604ff1b00d22cbbfaa4059';
              variable: '51547e3953212110248dddeeff7b126b';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c440ba340bc64e699fe36e574e35b6d0';
            key: {
              document_key: '4ad7fbfac31c428ab1602ec071f43b0b';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'c44ff54d598a40f4a12b3c05f0980c43';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'description';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c486a26b2c1045a88ebbc9725935e4e8';
            key: {
              document_key: '8ebff2c465584c1fbc50431cea801884';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c490dabec20549f1bb65fb048c0773e5';
            key: {
              document_key: 'c5c4c31b161d49d490613d0ac3ad0df1';
              variable: '42f2564b73031300440211d8faf6a777';
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
            table: 'sys_documentation';
            id: 'c4a26bdf638a4199b9b3d67eb142aeb0';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'table_name';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c4d9eb2d09a54e8db781cd75ab0d375a';
            key: {
              document_key: 'b9db541f02404ffea94a4dbd9b5dfc78';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c541a80be9f148a7a324f5cc909412e9';
            key: {
              document_key: '9e3bcf43b94344bbb12c1db646b27155';
              variable: 'ff06ab840f20101091d0f00c97767e6d';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c5fa0c9862554f52ae79eb3f984f2276';
            key: {
              document_key: 'e640bd0daf194ca6bfe5b7a18244dbc9';
              variable: '22cf38c26721130091d005225685ef81';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c642371a41014e129a1b95645e46407d';
            key: {
              document_key: '4b94109b99e1486e9e423edd2ec071de';
              variable: '989d9e235324220002c6435723dc3484';
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
            table: 'sys_ui_action_role';
            id: 'c688e27ca653495bb460549fc5f893ae';
            key: {
              sys_ui_action: '8a389b21c7014cdca53b9d23a908c39e';
              sys_user_role: {
                id: '690ee969aacf4aa19ed91159d731e4f3';
                key: {
                  name: 'sn_change_write';
                };
              };
            };
          },
          {
            table: 'sys_dictionary';
            id: 'c7504261092542c483bd9ec383ba919d';
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'number';
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
            table: 'sys_variable_value';
            id: 'c830ccc5473e4b2faa57494fbbd63158';
            key: {
              document_key: 'af9b073256c844b4a582c596150d70ad';
              variable: '592a17535320220002c6435723dc34d7';
            };
          },
          {
            table: 'sys_choice_set';
            id: 'c83b687d9ae043eda917f1e83c260ce9';
            key: {
              name: 'x_closeloop_override_request';
              element: 'status';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'c8bbddea7b1d48e29fed95792098baa9';
            key: {
              document_key: '36532cbb40464311be1d0cf36314869d';
              variable: 'ba62b4075320220002c6435723dc34b9';
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
            table: 'sys_security_acl_role';
            id: 'ca08cf477d574c1288091041610b6837';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: '7e9a1bda123e4c83bda03795e767ce7b';
                key: {
                  name: 'sn_incident_read';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'ca9b2b93f94949ffb3131a2586876962';
            key: {
              document_key: '2a8488d73c6340e48b6c2f55a3462ea1';
              variable: '67400008676003007ba405225685efa4';
            };
          },
          {
            table: 'sys_choice_set';
            id: 'cbac5af5f5064fe693afd66c62cb5dfd';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'fail_mode';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'cbcb6439e794477695d37d3db9abc5b9';
            key: {
              document_key: '9786058225064cbb8a9d1a93727e28f7';
              variable: 'ad351a4e53a0220002c6435723dc34f0';
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
            table: 'sys_variable_value';
            id: 'cd2a69815bb2401cabd1df943500597d';
            key: {
              document_key: '1dd8bad776414117968b94b64ec8dc2e';
              variable: '02fb0027531000109e02ddeeff7b120b';
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
            table: 'sys_variable_value';
            id: 'cda5e1dd087046bb8f6297bc77329dfc';
            key: {
              document_key: '27db45f07a9a4c709c9bc46b2ba5b3c0';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'cdb48f0a4bac424c8b10bdf1119ae13d';
            key: {
              document_key: 'ebfe89caab364095ba724a3f9248101b';
              variable: 'ba62b4075320220002c6435723dc34b9';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'cf84fe01891945af888ae3671723e9b0';
            deleted: true;
            key: {
              field: 'script';
              table: 'var__m_atf_input_variable_41de4a935332120028bc29cac2dc349a';
              id: 'f724f2ef6f1b4e118ee2b65cf6f53bd6';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'd0301b610fc84e8b99d3fa8e8374e1b3';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_5f2e0e535332120028bc29cac2dc34d3';
              id: '9786058225064cbb8a9d1a93727e28f7';
            };
          },
          {
            table: 'ua_table_licensing_config';
            id: 'd0589e922f2643db9c13abff5f6eed2a';
            key: {
              name: 'x_closeloop_connector_state';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd0a0ca62e8694023b2bf858cce84f823';
            key: {
              document_key: 'a5f3f5c22ab745bda384dbf4309a9f3d';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd0cf7a79c1114cb08137559a857e8e04';
            key: {
              document_key: 'c47f941a9f13435fba58721239aad09d';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd109672be5fb4bb68cb3045d1762791a';
            key: {
              document_key: 'a5f3f5c22ab745bda384dbf4309a9f3d';
              variable: '46dbcb535320220002c6435723dc3409';
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
            table: 'sys_variable_value';
            id: 'd1b2b094d9554e2194bc64fcb96e770a';
            key: {
              document_key: '1dd8bad776414117968b94b64ec8dc2e';
              variable: '915990ab531000109e02ddeeff7b12f8';
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
            table: 'sys_variable_value';
            id: 'd37d74a3670a4f8c9857d3d8ca8526ee';
            key: {
              document_key: 'd052a2227c1f428e87d53b2794d09c0d';
              variable: 'b124164e53a0220002c6435723dc34c5';
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
            table: 'sys_variable_value';
            id: 'd5473b527ee147519d6770d88374377f';
            key: {
              document_key: '6da761e959234d67bc056e564096ad67';
              variable: '6aad5a575360220002c6435723dc34b0';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd5888d5dffd1471f8df5405772680364';
            key: {
              document_key: 'd052a2227c1f428e87d53b2794d09c0d';
              variable: '17d732a9c7a333005e5c45b881c26007';
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
            deleted: false;
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
            table: 'sys_security_acl_role';
            id: 'd673b1a614934e85ac00743f0ec4d50b';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
              sys_user_role: {
                id: '11545bbd35884afa9266a3a207983b0d';
                key: {
                  name: 'sn_change_read';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd692b130d0c445e0840b96318bf602b4';
            key: {
              document_key: '8efc3487fdef43a6b289ab5f435b1acb';
              variable: 'dd54cf535320220002c6435723dc34fd';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: 'd7376969feb74353a8004cd3cde35e2e';
            key: {
              list_id: {
                id: 'b883943372174cb7af7af008489b22d7';
                key: {
                  name: 'x_closeloop_guarded_table';
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
              element: 'cancel_states';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd74152dc84f54bf8bf1988723ca9db4d';
            key: {
              document_key: '9786058225064cbb8a9d1a93727e28f7';
              variable: 'c2eb56e853422110248dddeeff7b1261';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd77eedd3c8974183ac03c91dca0f177c';
            key: {
              document_key: '8ebff2c465584c1fbc50431cea801884';
              variable: '334b7bb7675003007ba405225685ef72';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'd95e5da6b96b4cf8a835b6eae151f2e6';
            key: {
              document_key: 'e682480594754b3c924e2a81e987a7b5';
              variable: '42f2564b73031300440211d8faf6a777';
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
            id: 'da3110b27d8e4e64b6e1007957f15b43';
            key: {
              document_key: 'e8c9d95671d047bfab476acb554d9d71';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'dad390838d4947acbb5d2e1c75449be3';
            key: {
              document_key: 'e8c9d95671d047bfab476acb554d9d71';
              variable: '915990ab531000109e02ddeeff7b12f8';
            };
          },
          {
            table: 'sys_documentation';
            id: 'dad3cdc38f0445a6947a28226b9a9968';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'via_field';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'db37c6d427a0461f9cb686ecdd2f5d18';
            key: {
              document_key: '7a0b2f57fdd743a08e91990734e37af2';
              variable: 'e6e3c7535320220002c6435723dc3496';
            };
          },
          {
            table: 'sys_ui_list_element';
            id: 'dc14d78090e9448087054dcb4962b586';
            key: {
              list_id: {
                id: 'f31473db2e6b444bad41ea805b8bb666';
                key: {
                  name: 'x_closeloop_override_request';
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
              element: 'status';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'dc6df1f7c4b4403586732ae931f4a710';
            key: {
              document_key: '192f6dd1bb9241cf940aee747486e316';
              variable: 'cbddfa135320220002c6435723dc3415';
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
            id: 'dd0cc9b096fc473f8dcfb0b75fb1c590';
            key: {
              document_key: 'a5f3f5c22ab745bda384dbf4309a9f3d';
              variable: '53fb0f535320220002c6435723dc34ec';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'dd56df37dca045e9abdde03cd41b289b';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
              sys_user_role: {
                id: '27fff301c2a742cd83c187194a5d6579';
                key: {
                  name: 'sn_ot_incident_write';
                };
              };
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
            table: 'sys_documentation';
            id: 'dd643f11d0af43d0b3294a9d884256fd';
            key: {
              name: 'x_closeloop_override_request';
              element: 'audit';
              language: 'en';
            };
          },
          {
            table: 'sys_index';
            id: 'ddb52b20e2d14fc4be996e27203cd6d4';
            deleted: true;
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
            id: 'df56cc957f764c5a89708b889fc8b31f';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'own_correlation';
              language: 'en';
            };
          },
          {
            table: 'sys_documentation';
            id: 'df59a58f168b4465a41d9334199c8286';
            deleted: true;
            key: {
              name: 'x_closeloop_closure_audit';
              element: 'incident';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'dfcf7eac021a40599a93ad3ec31c3609';
            key: {
              document_key: '0b5ec70ab0014a268b6a825b6201fd65';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'e0dbad33641d414eb125122aac7421dd';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: '717ac8183459448f893918be4727727f';
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
            table: 'sys_ui_list_element';
            id: 'e2344f8f012b4f85ab5fd19e87253fda';
            key: {
              list_id: {
                id: 'b883943372174cb7af7af008489b22d7';
                key: {
                  name: 'x_closeloop_guarded_table';
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
              element: 'guarded_close_codes';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'e271076a6c8948fd8ff8cc41210d458b';
            key: {
              name: 'x_closeloop_override_request';
              element: 'table_name';
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
            table: 'sys_security_acl_role';
            id: 'e2e9d24b978a46db872b704ffa885e1b';
            key: {
              sys_security_acl: 'a0e702aa348d4e8e8013e76a8a4242bb';
              sys_user_role: {
                id: '44b6b123441e485c91c740c6cbb5d9b4';
                key: {
                  name: 'x_closeloop.admin';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'e3342d0a727140bba6ef6b01f06649d7';
            key: {
              document_key: '9e3bcf43b94344bbb12c1db646b27155';
              variable: '6f69fc4aff6433008d3f5d9ad53bf18c';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'e4073a05af9a4142acf87003d9c76820';
            key: {
              sys_security_acl: 'da4df089560447cfb9619f6417b007b1';
              sys_user_role: {
                id: '44b6b123441e485c91c740c6cbb5d9b4';
                key: {
                  name: 'x_closeloop.admin';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'e529bdb4aebf4ab4b977d2932e24482f';
            key: {
              document_key: '944af7bd07ae4a48ae9fa473b0e264b7';
              variable: '4aa838f25320220002c6435723dc34e1';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'e636816ede924014b744f1d386c032a5';
            key: {
              sys_security_acl: '7bbcd6ee2f464b53ab54c7ed1ee94f99';
              sys_user_role: {
                id: '690ee969aacf4aa19ed91159d731e4f3';
                key: {
                  name: 'sn_change_write';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'e65d42b06a99426983ce782fe413838a';
            key: {
              document_key: '8efc3487fdef43a6b289ab5f435b1acb';
              variable: '9024a37f671003007ba405225685efe5';
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
            table: 'sys_security_acl_role';
            id: 'e70594764668490daebe7fa3a1513ff5';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
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
            id: 'e7c2ef0687a24544bb2aad53defe8fe1';
            key: {
              document_key: '1dd8bad776414117968b94b64ec8dc2e';
              variable: '78b8d86b531000109e02ddeeff7b12f3';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'e7d389c45e6d45daa4872212a251b2f8';
            key: {
              document_key: '2a8488d73c6340e48b6c2f55a3462ea1';
              variable: '52ed1e5b5360220002c6435723dc3421';
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
            table: 'sys_security_acl_role';
            id: 'e890bb73cdab42d699cea87b191421e2';
            key: {
              sys_security_acl: '81af4832c7e84f509f24a91e042822fd';
              sys_user_role: {
                id: 'efeea8fcbd6d4efba1f3da69686b330f';
                key: {
                  name: 'sn_incident_write';
                };
              };
            };
          },
          {
            table: 'sys_variable_value';
            id: 'e8a88f1838ca481d9e1790b5d0da4954';
            key: {
              document_key: '05cbf559b682494ebaadaa04db1d63e9';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'e8dbe5541f564865ae26d4d8749c7cfe';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: '6e365d616fd34af8a4ed85420b063271';
            };
          },
          {
            table: 'sys_index';
            id: 'e96369fb404344d7b4bb7126bfb76366';
            key: {
              logical_table_name: 'x_closeloop_closure_audit';
              col_name_string: 'checked_at';
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
            table: 'sys_element_mapping';
            id: 'ea16fe2d3e2c4f17bdcb3cf432d10919';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: '2928565e8eeb49469c7a30666958ec44';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'eb3fa2c9577c4d59a5d439147b18d621';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: 'f1b534ae5fc84619aabe4e4b5c643f2e';
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
            table: 'sys_variable_value';
            id: 'eba7f4b421894538a6a445776c9eda56';
            key: {
              document_key: '7b82142462be48efa307c91f7aa4171a';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'ec0f9d4a5c3947fc8bd2f6ca63ccd7dd';
            key: {
              document_key: '244f549ed09f4ec29a07d1469f19f3b0';
              variable: 'ff06ab840f20101091d0f00c97767e6d';
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
            table: 'sys_variable_value';
            id: 'ed70b802ef624dcab5493d454d13bfb5';
            key: {
              document_key: '040c1983e6174aea8413497a64adfb84';
              variable: '501c8f535320220002c6435723dc34da';
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
            table: 'sys_variable_value';
            id: 'ed91bf62ecb14e529dafafcf0b8098ff';
            key: {
              document_key: '883b285cd9154c95bacbfb66d5f46381';
              variable: '1778a7480f20101091d0f00c97767e03';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'ef21bc99bd18486a9f55f96f15e75ba6';
            key: {
              document_key: '2a8488d73c6340e48b6c2f55a3462ea1';
              variable: '6aad5a575360220002c6435723dc34b0';
            };
          },
          {
            table: 'sys_documentation';
            id: 'efbab89e0db74d9989cc21b8805f25d2';
            key: {
              name: 'x_closeloop_connector_state';
              element: 'open_until_ms';
              language: 'en';
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
            table: 'sys_variable_value';
            id: 'f0784a1f97074b9e8c0ede0eec7a345a';
            key: {
              document_key: '8ebff2c465584c1fbc50431cea801884';
              variable: 'bc4c43935320220002c6435723dc34a2';
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
            table: 'sys_element_mapping';
            id: 'f22a1d2b9abc44ac891d6bf731b3d9e1';
            key: {
              field: 'record_id';
              table: 'var__m_atf_input_variable_17a72288df60220062fe6c7a4df26397';
              id: '576d6117c9a040f5924d2c8f54b91f47';
            };
          },
          {
            table: 'sys_choice';
            id: 'f2fccbe7dc444ab4b0640f51fc7e1a7e';
            key: {
              name: 'x_closeloop_override_request';
              element: 'status';
              value: 'pending';
              language: 'en';
              dependent_value: 'NULL';
            };
          },
          {
            table: 'sys_ui_list';
            id: 'f31473db2e6b444bad41ea805b8bb666';
            key: {
              name: 'x_closeloop_override_request';
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
            table: 'sys_variable_value';
            id: 'f3387a782e9b4b0e8978673b307b667c';
            deleted: true;
            key: {
              document_key: 'f724f2ef6f1b4e118ee2b65cf6f53bd6';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f3b8fdfb3d7b4e70ba94d5d39dcbd730';
            key: {
              document_key: '4b94109b99e1486e9e423edd2ec071de';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f3dd4f1123db45c2b6cc8c5885c278d2';
            key: {
              document_key: '9786058225064cbb8a9d1a93727e28f7';
              variable: '6e55da4e53a0220002c6435723dc34a0';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f3dec815eb0944919def705c51af231f';
            key: {
              document_key: '0b5ec70ab0014a268b6a825b6201fd65';
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
            id: 'f4bdfce618ae4d53a31ba25bbffdf521';
            key: {
              document_key: 'f1b534ae5fc84619aabe4e4b5c643f2e';
              variable: 'b86c0427531000109e02ddeeff7b1227';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f4c72bf2e6f944c0b30b42f28b5a3960';
            key: {
              document_key: 'e640bd0daf194ca6bfe5b7a18244dbc9';
              variable: 'e9b1cdde53233300ac15ddeeff7b12c2';
            };
          },
          {
            table: 'sys_documentation';
            id: 'f55916b2d4ef4709af9e164e5ce38ea3';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'cancel_states';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f66cbbfc15bf4526920cfc8c4bf1cf42';
            deleted: true;
            key: {
              document_key: '69981e623f3f46edb9b4235c92121374';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_documentation';
            id: 'f693f81d021e44af9b0ddc522806f2a2';
            key: {
              name: 'x_closeloop_connector_state';
              element: 'name';
              language: 'en';
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
            table: 'sys_variable_value';
            id: 'f813cdfe6e0146feb17e01f149d6c9ad';
            key: {
              document_key: '6e365d616fd34af8a4ed85420b063271';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'f837182a97d54d339579dec2eaa37845';
            key: {
              sys_security_acl: 'b49e8c012b694867bfbdc64f5115a0a1';
              sys_user_role: {
                id: '82e73cb6c8c248709c4025207bf94370';
                key: {
                  name: 'x_closeloop.auditor';
                };
              };
            };
          },
          {
            table: 'sys_security_acl_role';
            id: 'f85064ef173644b3aff5d4d19f397051';
            deleted: true;
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
            id: 'f880ef1e21924a40a82b9bb406bd89fa';
            key: {
              document_key: '8b4d4e8cb6b14900a03b4b63b61aacf9';
              variable: '17d732a9c7a333005e5c45b881c26007';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f9093a9b50c14869b6b740d54e4455eb';
            key: {
              document_key: '27db45f07a9a4c709c9bc46b2ba5b3c0';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'f99f03fd80a64926b40db4584d140596';
            key: {
              document_key: 'e93da930db8b4666899e74d16ed0aa70';
              variable: '42f2564b73031300440211d8faf6a777';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'fa74e5aa51e142c7b25f0dd7da30fb18';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'via_field';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'faa13f32b7334799a9fccdec4d0c9124';
            key: {
              document_key: '576d6117c9a040f5924d2c8f54b91f47';
              variable: '501c8f535320220002c6435723dc34da';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'faec6d420fa34fb5bb31c786aa406fe8';
            key: {
              document_key: 'f1b534ae5fc84619aabe4e4b5c643f2e';
              variable: '02fb0027531000109e02ddeeff7b120b';
            };
          },
          {
            table: 'sys_element_mapping';
            id: 'fb971ab299164578868e0d0a87dfe75f';
            key: {
              field: 'field_values';
              table: 'var__m_atf_input_variable_2d82e3c7531400109e02ddeeff7b12a7';
              id: '9c9ec10ff62943ea9c59816e4a3f344c';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'fbbba5636af140399a5472cb939eedb4';
            key: {
              document_key: '9e3bcf43b94344bbb12c1db646b27155';
              variable: '8c07aba5ff6033008d3f5d9ad53bf13b';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'fbc01c4d5b9a4487b04185dfe91d1eb8';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'closing_states';
            };
          },
          {
            table: 'sys_dictionary';
            id: 'fccd25f5547341a39dd618ada4de38c1';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'active';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'fccda334121e4727bf490dd59a601b7b';
            key: {
              document_key: '08522e9d64904c69b79a31e0790da341';
              variable: '9024a37f671003007ba405225685efe5';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'fccfa07c84d74b0b99afa123d3d6a225';
            key: {
              document_key: '4ad7fbfac31c428ab1602ec071f43b0b';
              variable: '90144b535320220002c6435723dc3488';
            };
          },
          {
            table: 'sys_documentation';
            id: 'fcdf3cc5eac9473f96d0c3ded428588f';
            key: {
              name: 'x_closeloop_guarded_table';
              element: 'active';
              language: 'en';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'fdf07cb0105c40ca803958aaeaf0ee0e';
            deleted: true;
            key: {
              document_key: '69981e623f3f46edb9b4235c92121374';
              variable: '989d9e235324220002c6435723dc3484';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'fe182b50c0a14522a7efbf10320a28bd';
            key: {
              document_key: '244f549ed09f4ec29a07d1469f19f3b0';
              variable: '8c07aba5ff6033008d3f5d9ad53bf13b';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'ff1b48a8c444461a8259e31e6580f6a7';
            key: {
              document_key: 'f23be0afe9fc4fc6a786b69a20a86c9a';
              variable: '1985e0ceff2433008d3f5d9ad53bf1ba';
            };
          },
          {
            table: 'sys_variable_value';
            id: 'ff85f92136d44e0f92217f0b15a5ee53';
            key: {
              document_key: 'e640bd0daf194ca6bfe5b7a18244dbc9';
              variable: '6fe5aad0c3302200f25d174292d3aeba';
            };
          },
        ];
      }
    }
  }
}
