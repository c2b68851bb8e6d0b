import { render } from 'preact';

render(<main>Lede options</main>, document.getElementById('app')!);
