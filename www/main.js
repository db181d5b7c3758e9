// The standalone page: the dashboard in the whole document.
import './lockdown.js';
import { mountApp } from './app.js';

mountApp(document.getElementById('app'), { host: document.body, standalone: true });
