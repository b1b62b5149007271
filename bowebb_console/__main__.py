from bowebb_console.cli import main

raise SystemExit(main())
