ip addr add 192.168.1.11/24 dev eth0
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
ip addr add 10.244.1.1/24 dev v-net-0
cat > net-script.sh <<'EOF'
ADD)
# Create veth pair
# Attach veth pair
# Assign IP Address
# Bring Up Interface
DEL)
# Delete veth pair
EOF
