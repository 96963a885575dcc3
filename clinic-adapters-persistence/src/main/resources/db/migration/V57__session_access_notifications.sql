-- Each instance caches what the per-request access-token check reads (a session's revocation, an
-- account's role, scope and status; ADR 0014). Whatever changes them, through the application or by
-- hand, notifies every instance's listener from the changing transaction itself: PostgreSQL delivers
-- the NOTIFY when that transaction commits, and never if it rolls back. Payload: "s:<session id>" or
-- "u:<user id>"; identical notifications of one transaction are delivered once.
-- jOOQ's DDL parser (which generates the Java types from these files) does not read PL/pgSQL.
-- [jooq ignore start]
CREATE FUNCTION notify_session_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'auth_session' THEN
        PERFORM pg_notify('session_access_changed', 's:' || OLD.session_id);
    ELSE
        PERFORM pg_notify('session_access_changed', 'u:' || OLD.user_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER auth_session_access_changed
    AFTER UPDATE ON auth_session
    FOR EACH ROW
    WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION notify_session_access_changed();

CREATE TRIGGER auth_session_access_removed
    AFTER DELETE ON auth_session
    FOR EACH ROW
    EXECUTE FUNCTION notify_session_access_changed();

CREATE TRIGGER user_credential_access_changed
    AFTER UPDATE ON user_credential
    FOR EACH ROW
    WHEN (OLD.role IS DISTINCT FROM NEW.role
          OR OLD.clinic_id IS DISTINCT FROM NEW.clinic_id
          OR OLD.branch_id IS DISTINCT FROM NEW.branch_id
          OR OLD.activated IS DISTINCT FROM NEW.activated
          OR OLD.disabled IS DISTINCT FROM NEW.disabled)
    EXECUTE FUNCTION notify_session_access_changed();

CREATE TRIGGER user_credential_access_removed
    AFTER DELETE ON user_credential
    FOR EACH ROW
    EXECUTE FUNCTION notify_session_access_changed();
-- [jooq ignore stop]
