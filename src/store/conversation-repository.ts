/**
 * Assistant conversations: the conversation rows, their turns (the conversation's
 * ASSISTANT_ANSWER drafts, read from `drafts`), and the Slack channels linked to incidents.
 * Every read and write is scoped by account: a conversation or link of another account is
 * "not found", never returned.
 */
import type { Queryable } from './database.js';
import { recordOf, type RowOf } from './row-mapping.js';

/** Where a conversation was started. */
export type ConversationSource = 'graphql' | 'slack';

/** One assistant conversation. */
export interface ConversationRecord {
  /** Unique within the account. */
  id: string;
  accountId: string;
  /** The incident the conversation is about; null until one is named. */
  incidentId: string | null;
  source: ConversationSource;
  /** Slack: the channel of the thread; null elsewhere. */
  channelId: string | null;
  /** Slack: the `ts` of the thread's first message; null elsewhere. */
  threadTs: string | null;
  /** The user who started it (GraphQL `sub`, or `slack:<user id>`). */
  createdBy: string | null;
  createdAt: string;
}

/** A conversation to create. */
export type NewConversation = ConversationRecord;

/** One answered turn of a conversation. */
export interface ConversationTurnRecord {
  /** The ASSISTANT_ANSWER draft holding the turn. */
  draftId: string;
  question: string;
  /** The answer as rendered markdown. */
  answer: string;
  /** False when the answer said the incident data does not hold it. */
  answered: boolean;
  createdAt: string;
}

/** A Slack channel linked to an incident. */
export interface ChannelLinkRecord {
  accountId: string;
  channelId: string;
  incidentId: string;
  /** The Slack user who linked it (`slack:<user id>`). */
  linkedBy: string | null;
  linkedAt: string;
}

/** Conversations, their turns and channel links; every method is scoped by account. */
export interface ConversationRepository {
  /** Inserts a conversation; throws when the account already has one with that id. */
  create(conversation: NewConversation): Promise<ConversationRecord>;
  /**
   * Creates the conversation unless the account already has one with that id; returns the
   * stored one either way (the existing row wins: a thread keeps its first incident).
   */
  ensure(conversation: NewConversation): Promise<ConversationRecord>;
  get(accountId: string, id: string): Promise<ConversationRecord | null>;
  /** Names the incident of a conversation that had none; null when the conversation is not the account's. */
  attachIncident(accountId: string, id: string, incidentId: string): Promise<ConversationRecord | null>;
  /**
   * The newest `limit` COMPLETE turns of a conversation, returned oldest first. Failed and
   * still-streaming answers are not history.
   */
  listTurns(accountId: string, conversationId: string, limit: number): Promise<ConversationTurnRecord[]>;
  /** Links a channel to an incident, replacing the channel's previous link. */
  linkChannel(link: ChannelLinkRecord): Promise<ChannelLinkRecord>;
  /** Removes a channel's link; false when it had none. */
  unlinkChannel(accountId: string, channelId: string): Promise<boolean>;
  channelLink(accountId: string, channelId: string): Promise<ChannelLinkRecord | null>;
}

type ConversationRow = RowOf<ConversationRecord>;

interface TurnRow {
  id: string;
  question: string | null;
  text: string;
  answered: boolean | null;
  created_at: string;
}

type ChannelLinkRow = RowOf<ChannelLinkRecord>;

const conversationColumns = 'id, account_id, incident_id, source, channel_id, thread_ts, created_by, created_at';
const channelLinkColumns = 'account_id, channel_id, incident_id, linked_by, linked_at';

/** Conversations over `database` (a pool, or a transaction). */
export function createConversationRepository(database: Queryable): ConversationRepository {
  const insertSql = (onConflict: string): string =>
    `insert into conversations (${conversationColumns})
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     ${onConflict}
     returning ${conversationColumns}`;
  const insertParams = (conversation: NewConversation): unknown[] => [
    conversation.id,
    conversation.accountId,
    conversation.incidentId,
    conversation.source,
    conversation.channelId,
    conversation.threadTs,
    conversation.createdBy,
    conversation.createdAt,
  ];

  async function get(accountId: string, id: string): Promise<ConversationRecord | null> {
    const [row] = await database.query<ConversationRow>(
      `select ${conversationColumns} from conversations where account_id = $1 and id = $2`,
      [accountId, id],
    );
    return row === undefined ? null : recordOf<ConversationRecord>(row);
  }

  return {
    async create(conversation) {
      const [row] = await database.query<ConversationRow>(insertSql(''), insertParams(conversation));
      if (row === undefined) throw new Error('insert returned no row');
      return recordOf<ConversationRecord>(row);
    },

    async ensure(conversation) {
      const [row] = await database.query<ConversationRow>(insertSql('on conflict (account_id, id) do nothing'), insertParams(conversation));
      if (row !== undefined) return recordOf<ConversationRecord>(row);
      const existing = await get(conversation.accountId, conversation.id);
      // Only a concurrent delete could get here; no code deletes conversations.
      if (existing === null) throw new Error(`conversation ${conversation.id} vanished while it was ensured`);
      return existing;
    },

    get,

    async attachIncident(accountId, id, incidentId) {
      // Only a conversation without an incident takes one: a conversation is about one incident.
      const [row] = await database.query<ConversationRow>(
        `update conversations set incident_id = $3
          where account_id = $1 and id = $2 and incident_id is null
          returning ${conversationColumns}`,
        [accountId, id, incidentId],
      );
      return row === undefined ? get(accountId, id) : recordOf<ConversationRecord>(row);
    },

    async listTurns(accountId, conversationId, limit) {
      if (!Number.isInteger(limit) || limit <= 0) return [];
      const rows = await database.query<TurnRow>(
        `select id, input ->> 'question' as question, text, (output ->> 'answered')::boolean as answered, created_at
           from drafts
          where account_id = $1
            and kind = 'ASSISTANT_ANSWER'
            and input ->> 'conversationId' = $2
            and state = 'COMPLETE'
          order by created_at desc, id desc
          limit $3`,
        [accountId, conversationId, limit],
      );
      return rows.reverse().map((row) => ({
        draftId: row.id,
        question: row.question ?? '',
        answer: row.text,
        answered: row.answered ?? false,
        createdAt: row.created_at,
      }));
    },

    async linkChannel(link) {
      const [row] = await database.query<ChannelLinkRow>(
        `insert into slack_channel_links (${channelLinkColumns})
         values ($1, $2, $3, $4, $5)
         on conflict (account_id, channel_id)
           do update set incident_id = excluded.incident_id, linked_by = excluded.linked_by, linked_at = excluded.linked_at
         returning ${channelLinkColumns}`,
        [link.accountId, link.channelId, link.incidentId, link.linkedBy, link.linkedAt],
      );
      if (row === undefined) throw new Error('insert returned no row');
      return recordOf<ChannelLinkRecord>(row);
    },

    async unlinkChannel(accountId, channelId) {
      const rows = await database.query<{ channel_id: string }>(
        'delete from slack_channel_links where account_id = $1 and channel_id = $2 returning channel_id',
        [accountId, channelId],
      );
      return rows.length > 0;
    },

    async channelLink(accountId, channelId) {
      const [row] = await database.query<ChannelLinkRow>(
        `select ${channelLinkColumns} from slack_channel_links where account_id = $1 and channel_id = $2`,
        [accountId, channelId],
      );
      return row === undefined ? null : recordOf<ChannelLinkRecord>(row);
    },
  };
}


