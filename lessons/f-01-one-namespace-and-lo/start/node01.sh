# Build namespace red here.
