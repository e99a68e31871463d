"""The `charter` command: a click group and the single error boundary. Commands live in sibling modules."""
from __future__ import annotations

import click

from assistant.errors import AssistantError

from . import ask_cmds, batch_cmds, draft_cmds


class UserError(click.ClickException):
    exit_code = 2


class Group(click.Group):
    """Shows user mistakes (AssistantError) as one clear message with exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AssistantError as err:
            error = UserError(str(err))
            error.exit_code = err.exit_code
            raise error from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="charter-assistant")
def cli() -> None:
    """charter-assistant：自愿性产品认证技术专家组织的章程、组建申请书起草与条款问答工具（离线）。"""


for module in (draft_cmds, ask_cmds, batch_cmds):
    for command in module.COMMANDS:
        cli.add_command(command)


if __name__ == "__main__":
    cli()
