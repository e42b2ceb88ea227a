import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/activity.css';
import './styles/board.css';
import './styles/pros-cons.css';
import './styles/action-items.css';
import './styles/editor.css';
import './styles/ideas.css';
import './styles/people.css';
import './styles/history.css';
import './styles/files.css';
import './styles/attachments.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(<App />);
