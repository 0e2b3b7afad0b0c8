/** Entry of a worker thread of a parallel `check` when running from source (tests); the bundled CLI is its own worker. */
import { runCheckWorker } from './parallel';

runCheckWorker();
