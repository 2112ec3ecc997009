# Build the bridge v-net-0 and cable red, blue and green to it.
