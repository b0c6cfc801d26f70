-- Where to reach each Teams conversation the bot has heard from or opened: the Bot Connector's serviceUrl differs by
-- region and tenant and is only ever learnt from an incoming activity (or kept from the one that opened a room).
CREATE TABLE teams_conversations (
    conversation_id TEXT PRIMARY KEY,
    service_url     TEXT NOT NULL,
    tenant_id       TEXT,
    seen_at         TEXT NOT NULL
);

CREATE INDEX teams_conversations_by_tenant ON teams_conversations (tenant_id, seen_at);
