-- Sign-up options carried through the provider redirect (Nhost /signin/provider).

ALTER TABLE social_states ADD COLUMN sign_up_profile character varying(10240);
