import { render } from 'preact';
import '@/components/popup.css';
import { App } from './App';

render(<App search={location.search} />, document.getElementById('app')!);
