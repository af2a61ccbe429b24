"""The command line's subcommands beyond the rules: ``lint`` (render and exit code), ``outline``,
``explain`` and ``rules``, ``check-pack``.  They sit on top of every other stage and nothing imports
them but ``cli``.
"""
