import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Options } from "../../src/domain/types";
import { Settings } from "../../src/taskpane/components/Settings";
import { I18nProvider, type Language } from "../../src/taskpane/i18n";
import { fixDate } from "./fixedDate";

const OPTIONS: Options = { today: "2024-11-15", dueSoonDays: 30, expiringDays: 90 };

function Harness({ onChange, language }: { onChange: jest.Mock; language: Language }): React.JSX.Element {
  const [options, setOptions] = React.useState(OPTIONS);
  return (
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language}>
        <Settings
          options={options}
          onChange={(o) => {
            onChange(o);
            setOptions(o);
          }}
        />
      </I18nProvider>
    </FluentProvider>
  );
}

function setup(language: Language = "sv") {
  const onChange = jest.fn();
  const user = userEvent.setup();
  render(<Harness onChange={onChange} language={language} />);
  return { onChange, user };
}

afterEach(() => jest.useRealTimers());

describe("Settings", () => {
  it("shows the current options in labelled controls", () => {
    setup();
    expect(screen.getByLabelText("Datum som räknas som i dag")).toHaveValue("2024-11-15");
    expect(screen.getByRole("spinbutton", { name: "Snart: dagar före uppföljning" })).toHaveValue("30");
    expect(screen.getByRole("spinbutton", { name: "Går ut snart: dagar före avtalets slut" })).toHaveValue("90");
    expect(screen.getByRole("heading", { name: "Parter och alias" })).toBeInTheDocument();
    expect(screen.getByText(/Lägg till en rad med partens namn under Part och det andra namnet under Alias/)).toBeInTheDocument();
  });

  it("steps a window with the arrow keys", async () => {
    const { onChange, user } = setup();
    await user.click(screen.getByRole("spinbutton", { name: "Snart: dagar före uppföljning" }));
    await user.keyboard("{ArrowUp}");
    expect(onChange).toHaveBeenLastCalledWith({ ...OPTIONS, dueSoonDays: 31 });
    await user.click(screen.getByRole("spinbutton", { name: "Går ut snart: dagar före avtalets slut" }));
    await user.keyboard("{ArrowDown}");
    expect(onChange).toHaveBeenLastCalledWith({ ...OPTIONS, dueSoonDays: 31, expiringDays: 89 });
  });

  it("rejects a window that is not a whole number of days, with a message, and does not pass it on", async () => {
    const { onChange, user } = setup();
    const spin = screen.getByRole("spinbutton", { name: "Snart: dagar före uppföljning" });
    await user.clear(spin);
    await user.type(spin, "tio{Enter}");
    expect(screen.getByText("Ange ett helt antal dagar från 0 till 3650.")).toBeInTheDocument();
    expect(spin).toHaveAttribute("aria-invalid", "true");
    expect(onChange).not.toHaveBeenCalled();

    await user.clear(spin);
    await user.type(spin, "14{Enter}");
    expect(onChange).toHaveBeenLastCalledWith({ ...OPTIONS, dueSoonDays: 14 });
    expect(screen.queryByText("Ange ett helt antal dagar från 0 till 3650.")).not.toBeInTheDocument();
  });

  it("rejects too many days", async () => {
    const { onChange, user } = setup();
    const spin = screen.getByRole("spinbutton", { name: "Går ut snart: dagar före avtalets slut" });
    await user.clear(spin);
    await user.type(spin, "5000{Enter}");
    expect(screen.getByText("Ange ett helt antal dagar från 0 till 3650.")).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it("changes the date used as today and resets it to the real date", async () => {
    fixDate(new Date(2026, 2, 9, 12, 0, 0)); // the real date, as the computer's clock gives it
    const { onChange, user } = setup();
    const date = screen.getByLabelText("Datum som räknas som i dag");
    fireEvent.change(date, { target: { value: "2025-03-07" } });
    expect(onChange).toHaveBeenLastCalledWith({ ...OPTIONS, today: "2025-03-07" });

    fireEvent.change(date, { target: { value: "" } });
    expect(screen.getByText("Ange ett giltigt datum, till exempel 2024-11-15.")).toBeInTheDocument();
    expect(onChange).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole("button", { name: "Återställ till dagens datum" }));
    expect(onChange).toHaveBeenLastCalledWith({ ...OPTIONS, today: "2026-03-09" });
    expect(date).toHaveValue("2026-03-09");
    expect(screen.queryByText("Ange ett giltigt datum, till exempel 2024-11-15.")).not.toBeInTheDocument();
  });

  it("shows the date in Swedish order (ÅÅÅÅ-MM-DD) in a text field, whatever the browser's locale, and in words", () => {
    setup();
    const date = screen.getByLabelText("Datum som räknas som i dag");
    // Not a native date control: that shows the system's order (12/15/2024 in a US Excel).
    expect(date).toHaveAttribute("type", "text");
    expect(date).toHaveAttribute("placeholder", "ÅÅÅÅ-MM-DD");
    expect(date).toHaveValue("2024-11-15");
    expect(screen.getByText("fredag 15 november 2024")).toBeInTheDocument();
    expect(date).toHaveAccessibleDescription(/fredag 15 november 2024/);
  });

  it("accepts 2025-3-7 and 20250307 as 7 March 2025", () => {
    const { onChange } = setup();
    const date = screen.getByLabelText("Datum som räknas som i dag");
    fireEvent.change(date, { target: { value: "2025-3-7" } });
    expect(onChange).toHaveBeenLastCalledWith({ ...OPTIONS, today: "2025-03-07" });
    expect(screen.getByText("fredag 7 mars 2025")).toBeInTheDocument();
    fireEvent.change(date, { target: { value: "20250308" } });
    expect(onChange).toHaveBeenLastCalledWith({ ...OPTIONS, today: "2025-03-08" });
    fireEvent.change(date, { target: { value: "2025-02-30" } });
    expect(screen.getByText("Ange ett giltigt datum, till exempel 2024-11-15.")).toBeInTheDocument();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it("speaks English", () => {
    setup("en");
    expect(screen.getByRole("spinbutton", { name: "Due soon: days before a follow-up" })).toHaveValue("30");
    expect(screen.getByRole("button", { name: "Reset to today's date" })).toBeInTheDocument();
    expect(screen.getByText("Friday, 15 November 2024")).toBeInTheDocument();
  });
});
