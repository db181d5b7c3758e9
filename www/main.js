// The standalone page: the dashboard in the whole document.
import './lockdown.js';
import { mountApp } from './app.js';

// `?memory-limit-mb=N`: the engine's memory past which reading stops (default 2048).
const memoryLimitMb = Number(new URLSearchParams(location.search).get('memory-limit-mb')) || undefined;
mountApp(document.getElementById('app'), { host: document.body, standalone: true, memoryLimitMb });
