import { z } from 'zod';
import {
  institutionCreate, institutionUpdate, institutionView, passwordReset, tokenCreate, tokenView, unitCreate, unitUpdate,
  unitView, userCreate, userUpdate, userView,
} from '../admin';
import { idParams } from '../common';
import { endpoint } from './endpoint';

const items = <T extends z.ZodType>(view: T) => z.object({ items: z.array(view) });

/** Institutions, units, users and API tokens (the administration screens; any signed-in user lists institutions and units). */
export const adminEndpoints = {
  institutions: {
    list: endpoint({ method: 'GET', path: '/api/v1/institutions', responses: { 200: items(institutionView) } }),
    create: endpoint({ method: 'POST', path: '/api/v1/institutions', body: institutionCreate, responses: { 201: institutionView } }),
    update: endpoint({ method: 'PATCH', path: '/api/v1/institutions/:id', params: idParams, body: institutionUpdate, responses: { 200: institutionView } }),
  },
  units: {
    list: endpoint({ method: 'GET', path: '/api/v1/units', query: z.object({ institutionId: z.uuid().optional() }), responses: { 200: items(unitView) } }),
    create: endpoint({ method: 'POST', path: '/api/v1/units', body: unitCreate, responses: { 201: unitView } }),
    update: endpoint({ method: 'PATCH', path: '/api/v1/units/:id', params: idParams, body: unitUpdate, responses: { 200: unitView } }),
  },
  users: {
    list: endpoint({ method: 'GET', path: '/api/v1/users', responses: { 200: items(userView) } }),
    get: endpoint({ method: 'GET', path: '/api/v1/users/:id', params: idParams, responses: { 200: userView } }),
    create: endpoint({ method: 'POST', path: '/api/v1/users', body: userCreate, responses: { 201: userView } }),
    update: endpoint({ method: 'PATCH', path: '/api/v1/users/:id', params: idParams, body: userUpdate, responses: { 200: userView } }),
    resetPassword: endpoint({ method: 'POST', path: '/api/v1/users/:id/password', params: idParams, body: passwordReset, responses: { 204: z.null() } }),
  },
  tokens: {
    list: endpoint({ method: 'GET', path: '/api/v1/tokens', responses: { 200: items(tokenView) } }),
    /** The token itself is in this answer only. */
    create: endpoint({ method: 'POST', path: '/api/v1/tokens', body: tokenCreate, responses: { 201: tokenView.extend({ token: z.string() }) } }),
    revoke: endpoint({ method: 'DELETE', path: '/api/v1/tokens/:id', params: idParams, responses: { 204: z.null() } }),
  },
};
