-- Issue 5: clients may register id_token_signed_response_alg (RS256 default, ES256).
ALTER TABLE oauth_clients ADD COLUMN id_token_signed_response_alg character varying(10) NOT NULL DEFAULT 'RS256';
