/** Python's programs, one lazy part (./parts.ts): the REPL, `python -m http.server`, and pip with its model of PyPI. */
export { PythonRepl } from '../python/repl.ts';
export { pythonHttpServer } from '../python-http.ts';
export { pipCommand, pipInstalled } from '../pkg-pip.ts';
