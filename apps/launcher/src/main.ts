import 'reflect-metadata';
import { runEmbedded } from './embedded.js';

/** `npm start`: the whole system on one machine. */
void runEmbedded({ environment: process.env, banner: '清廉细胞示范点创建管理已启动 / Qinglian is running' });
