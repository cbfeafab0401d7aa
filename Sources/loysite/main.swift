print("loysite")
