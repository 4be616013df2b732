import { z } from 'zod';
import { followUpList, followUpQuery } from '../hotline';
import { justiceInbox, justiceInboxQuery } from '../justice';
import { inboxQuery, referralInbox } from '../protection';
import { endpoint } from './endpoint';

export const seenResponse = z.object({ seenAt: z.string() });

/**
 * The three inboxes and their "I have looked at it" calls: each list marks rows that arrived since the
 * user last looked; `seen` moves that moment to now.
 */
export const inboxEndpoints = {
  justice: endpoint({ method: 'GET', path: '/api/v1/justice/inbox', query: justiceInboxQuery, responses: { 200: justiceInbox } }),
  justiceSeen: endpoint({ method: 'POST', path: '/api/v1/justice/inbox/seen', responses: { 200: seenResponse } }),
  referrals: endpoint({ method: 'GET', path: '/api/v1/referrals/inbox', query: inboxQuery, responses: { 200: referralInbox } }),
  referralsSeen: endpoint({ method: 'POST', path: '/api/v1/referrals/inbox/seen', responses: { 200: seenResponse } }),
  hotline: endpoint({ method: 'GET', path: '/api/v1/hotline/follow-up', query: followUpQuery, responses: { 200: followUpList } }),
  hotlineSeen: endpoint({ method: 'POST', path: '/api/v1/hotline/follow-up/seen', responses: { 200: seenResponse } }),
};
