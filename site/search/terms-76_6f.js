tracebriefSearch.terms("vo",{"volodymyr":"7"});
