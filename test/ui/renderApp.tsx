import { render, type RenderResult } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App, type AppProps } from "../../src/taskpane/components/App";
import { defaultOptions } from "../../src/domain";
import { createFakePort, type FakePort } from "./fakePort";
import { TODAY } from "./fixtures";

export interface Rendered extends RenderResult {
  port: FakePort;
  user: ReturnType<typeof userEvent.setup>;
  onOptionsChange: jest.Mock;
}

export function renderApp(props: Partial<AppProps> & { port?: FakePort } = {}): Rendered {
  const port = props.port ?? createFakePort();
  const onOptionsChange = jest.fn();
  const user = userEvent.setup();
  const result = render(
    <App
      language="sv"
      initialOptions={defaultOptions(TODAY)}
      onOptionsChange={onOptionsChange}
      {...props}
      port={port}
    />,
  );
  return { ...result, port, user, onOptionsChange };
}
