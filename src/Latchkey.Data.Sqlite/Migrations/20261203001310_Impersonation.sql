-- Issue 13: impersonation. The administrator acting in a session (and in the grants approved in it), and the
-- administrator behind an activity row written while impersonating. No foreign keys: the audit trail outlives accounts.
ALTER TABLE "sessions" ADD COLUMN "impersonator_id" TEXT NULL;
ALTER TABLE "activity" ADD COLUMN "actor_id" TEXT NULL;
