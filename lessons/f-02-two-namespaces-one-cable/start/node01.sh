# red and blue need a cable between them.
