import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { analyseWorkbook, defaultOptions } from "../../src/domain";
import { sampleWorkbook } from "../../src/domain/sampleWorkbook";
import { templateToWorkbookData } from "../../src/domain/templateToWorkbookData";
import { NextMeeting } from "../../src/taskpane/components/Agenda";
import { I18nProvider, type Language } from "../../src/taskpane/i18n";

function renderCard(
  today: string,
  props: Partial<React.ComponentProps<typeof NextMeeting>> = {},
  language: Language = "sv",
) {
  const analysis = analyseWorkbook(
    templateToWorkbookData(sampleWorkbook()),
    defaultOptions(today),
  );
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language}>
        <NextMeeting analysis={analysis} {...props} />
      </I18nProvider>
    </FluentProvider>,
  );
}

describe("the card Nästa möte", () => {
  it("shows SVOM's next meeting and what comes up there per kind", () => {
    renderCard("2024-09-01");
    const card = screen.getByRole("region", { name: "Nästa möte" });
    expect(within(card).getByText("SVOM 2024-10-11")).toBeInTheDocument();
    expect(
      within(card)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["4 beslut", "3 rapporter"]);
  });

  it("asks for the agenda of that meeting with the button Mötesunderlag", async () => {
    const onOpenAgenda = jest.fn();
    renderCard("2024-11-15", { onOpenAgenda });
    expect(screen.getByText("SVOM 2024-12-06")).toBeInTheDocument();
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(
      ["1 rapport"],
    );
    await userEvent
      .setup()
      .click(screen.getByRole("button", { name: "Mötesunderlag" }));
    expect(onOpenAgenda).toHaveBeenCalledWith("SVOM", "2024-12-06");
  });

  it("disables the button while the workbook cannot write the sheet", () => {
    renderCard("2024-11-15");
    expect(
      screen.getByRole("button", { name: "Mötesunderlag" }),
    ).toBeDisabled();
  });

  it("says when there is no next meeting, in English too", () => {
    renderCard("2025-06-01", {}, "en");
    expect(
      screen.getByRole("region", { name: "Next meeting" }),
    ).toHaveTextContent("SVOM has no upcoming meeting");
  });
});
