print("regpool")
