import admin from './admin';
import auth from './auth';
import cases from './cases';
import core from './core';
import hotline from './hotline';
import imports from './imports';
import justice from './justice';
import operations from './operations';
import prevention from './prevention';
import protection from './protection';
import reports from './reports';
import search from './search';
import stats from './stats';

export default { ...core, ...auth, ...admin, ...cases, ...hotline, ...imports, ...justice, ...operations, ...prevention, ...protection, ...reports, ...stats, ...search };
