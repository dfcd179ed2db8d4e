import sys

from ansinh.cli import main

sys.exit(main())
