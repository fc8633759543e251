from brief.cli.entry import main

main()
